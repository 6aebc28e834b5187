import { z } from "zod";
import { signInMessages } from "@/lib/validations/sign-in-fields";
import { parseInternationalPhone } from "@/lib/phone/parse-phone";

/**
 * The flow API's users resource (/api/v1/users): what an application may send, and how each value is
 * normalised before it is stored, so the same person written two ways is one user.
 */

// Control characters (C0, DEL, C1) would let a value break lines in emails, logs and the audit page.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

const text = (what: string) => z.string({ error: (issue) => (issue.input === undefined ? `${what} is required.` : `${what} must be a string.`) });

export const apiEmailSchema = text("email")
  .trim()
  .toLowerCase()
  .max(254, { error: "Use at most 254 characters." })
  .pipe(z.email({ error: signInMessages.email }));

/** Lower case, as the widget compares a username it is given (lib/flows/device-management). */
export const apiUsernameSchema = text("username")
  .trim()
  .toLowerCase()
  .min(1, { error: "Use at least one character." })
  .max(64, { error: "Use at most 64 characters." })
  .regex(/^[a-z0-9._@+-]+$/, { error: "Use letters, digits and . _ @ + - only." });

/** The application's own id for the person, kept exactly as sent (no trimming, case kept). */
export const externalIdSchema = text("externalId")
  .min(1, { error: "Use at least one character." })
  .max(128, { error: "Use at most 128 characters." })
  .refine((v) => !CONTROL_CHARS.test(v), { error: "Use printable characters only." });

/** International format only: an application has no country picker, and a national number would be a guess. */
export const apiPhoneSchema = text("phone").transform((input, ctx) => {
  const parsed = parseInternationalPhone({ input });
  if (parsed.ok) return parsed.e164;
  for (const message of parsed.fieldErrors.phone ?? []) ctx.addIssue({ code: "custom", message });
  return z.NEVER;
});

/**
 * POST /api/v1/users. `null` for an optional field means "none", as leaving it out does. The
 * descriptions are the API reference's (lib/api/openapi/paths/users.ts); they change no parsing.
 */
export const createApiUserSchema = z.strictObject({
  email: apiEmailSchema.meta({
    description: "The person's email address; trimmed and lower-cased. One account per address in this installation.",
    format: "email",
    examples: ["amy@example.com"],
  }),
  // No `examples` here: zod leaves them out of a transformed value's input schema.
  phone: apiPhoneSchema.nullish().meta({
    description: "Mobile number in international format, with + and the country code (`+44 7400 123456`); stored as E.164.",
  }),
  username: apiUsernameSchema.nullish().meta({
    description: "Unique in this installation; lower-cased. Letters, digits and . _ @ + - only.",
    examples: ["amy.pond"],
  }),
  externalId: externalIdSchema.nullish().meta({
    description: "Your own id for the person, kept exactly as sent; unique within your application.",
    examples: ["cust-4711"],
  }),
});

export type CreateApiUserInput = z.output<typeof createApiUserSchema>;

/** GET /api/v1/users?externalId=…: the one filter there is; listing every user would need paging. */
export const findApiUsersQuery = z.strictObject({
  externalId: externalIdSchema.meta({ description: "Your own id for the person, as given when they were provisioned.", examples: ["cust-4711"] }),
});

/** A user id in a URL: an unknown shape is simply a user that is not found. */
export const apiUserIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .meta({ description: "The user's id, as in its `self` link." });
