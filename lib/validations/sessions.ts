import { z } from "zod";

/** A session id as "Your sessions" sends it back: a cuid (Session.id), nothing longer or stranger. */
export const signOutSessionSchema = z.object({
  sessionId: z
    .string({ error: "Choose a session." })
    .trim()
    .regex(/^[a-z0-9]{10,40}$/, { error: "Choose a session." }),
});
