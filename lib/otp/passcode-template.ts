import { z } from "zod";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * How an application may word the passcodes of a flow it drives over the API (seed 003's
 * `template.variant`, `template.locale` and `template.variables`): a shorter SMS, and the name the code
 * is sent in, for an application that serves several brands. The rest of each message stays ours: it
 * says what the code is for and never to share it, whoever calls (security.md, the passcode's words).
 */
export const PASSCODE_VARIANTS = ["default", "short"] as const;

// A name shown inside an SMS or a call: one line of printable text.
const printable = /^[^\p{Cc}]+$/u;

export const passcodeTemplateSchema = z.strictObject({
  /** "short": the SMS is one line (code, company, expiry); calls and emails are not shortened. */
  variant: z.enum(PASSCODE_VARIANTS).optional(),
  /** A BCP 47 tag whose language the portal speaks (lib/i18n/locales.ts): "fr", "fr-CA", "en-GB". */
  locale: z
    .string()
    .regex(new RegExp(`^(${LOCALES.join("|")})(-[A-Za-z0-9]{1,8})*$`, "i"), {
      error: `Messages are available in ${LOCALES.map((l) => `${LOCALE_NAMES[l]} (${l})`).join(", ")}.`,
    })
    .optional(),
  variables: z
    .strictObject({
      /** The name the code is sent in; default the installation's COMPANY_NAME. */
      companyName: z.string().trim().min(1).max(60).regex(printable, { error: "Use one line of printable text." }),
    })
    .partial()
    .optional(),
});
export type PasscodeTemplate = z.infer<typeof passcodeTemplateSchema>;
