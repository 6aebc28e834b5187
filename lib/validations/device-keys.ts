import { z } from "zod";

// The same characters a device nickname refuses (lib/validations/devices.ts): a browser's name goes
// into emails and the audit log too.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * The domain's BROWSER_NAME_MAX (lib/device-keys/register-device-key.ts), repeated here because that
 * module is server-only and this one is shared with the page's form; a unit test keeps them equal.
 */
export const BROWSER_NAME_MAX = 60;

/** A registered browser's name as the person types it ("Your browsers", rename): 1 to 60 characters. */
export const browserNameSchema = z
  .string({ error: "Enter a name for the browser." })
  .trim()
  .min(1, { error: "Enter a name for the browser." })
  .max(BROWSER_NAME_MAX, { error: `Use at most ${BROWSER_NAME_MAX} characters.` })
  .refine((v) => !CONTROL_CHARS.test(v), { error: "Use letters, digits, spaces and punctuation only." });

/** A key_id as the browser sends it back: 16 random bytes, base64url (lib/device-keys/proof.ts TOKEN). */
export const keyIdSchema = z
  .string({ error: "Choose a browser." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, { error: "Choose a browser." });
