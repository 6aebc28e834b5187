import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { type Text, text } from "@/lib/i18n/text";

/** Pieces every flow machine uses the same way, so each flow file keeps only its own sections. */

/** Form fields arrive as "true"/"false"; z.coerce.boolean would read "false" as true. */
export const formFlag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** What the browser can do, gathered without user action (the sources' hidden form). */
export const browserCapabilitiesEvent = z.object({
  type: z.literal("BROWSER_CAPABILITIES"),
  webauthn: formFlag,
  platformAuthenticator: formFlag,
});

export const notAvailable = () => new AppError("CONFLICT", text("errors.flow.notAvailable"));

export const fieldError = (field: string, message: string | Text) => AppError.onField(field, message);

/** A WebAuthn response as the browser serialised it. */
export function parseCredentialResponse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new AppError("VALIDATION", text("errors.flow.unreadableResponse"));
  }
}
