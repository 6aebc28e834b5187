import { z } from "zod";
import { DISPLAY_NAME_MAX } from "@/lib/device-keys/register-device-key";
import { apiUserIdSchema } from "@/lib/validations/api-users";

/**
 * The flow API's device keys (/api/v1/users/{id}/device-keys and /api/v1/device-keys/*): what an
 * application may send. The shapes only: whether a public key is a P-256 key, and whether a proof
 * holds, is the domain's to say (lib/device-keys).
 */

// Control characters would let a name break lines in emails, logs and the audit page.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** A keyId in a URL: an unknown shape is simply a key that is not found. */
export const apiKeyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/)
  .meta({ description: "The device key's id (`keyId`), as registration answered it." });

export const deviceKeyDisplayNameSchema = z
  .string({ error: "displayName must be a string." })
  .trim()
  .min(1, { error: `Use 1 to ${DISPLAY_NAME_MAX} characters.` })
  .max(DISPLAY_NAME_MAX, { error: `Use 1 to ${DISPLAY_NAME_MAX} characters.` })
  .refine((v) => !CONTROL_CHARS.test(v), { error: "Use printable characters only." });

/** POST /api/v1/users/{id}/device-keys: the public half of a key pair the browser made (MfaDeviceKey.createKey). */
export const registerApiDeviceKeySchema = z.strictObject({
  publicKey: z
    .string({ error: (issue) => (issue.input === undefined ? "publicKey is required." : "publicKey must be a string.") })
    .min(1, { error: "publicKey is required." })
    .max(512, { error: "Not an ECDSA P-256 public key." })
    .meta({ description: "The browser's ECDSA P-256 public key, SPKI DER in base64url (what `MfaDeviceKey.createKey` answers)." }),
  displayName: deviceKeyDisplayNameSchema
    .nullish()
    .meta({ description: `A name for the browser, 1 to ${DISPLAY_NAME_MAX} characters; without it, one is made from \`userAgent\`, else \"Browser\".`, examples: ["Amy's laptop"] }),
  userAgent: z
    .string({ error: "userAgent must be a string." })
    .max(512, { error: "Use at most 512 characters." })
    .nullish()
    .meta({ description: "The browser's User-Agent, as your server received it: names the browser (\"Chrome on macOS\") when no displayName is given. Your server's own is not the browser's." }),
  remember: z
    .boolean({ error: "remember must be true or false." })
    .optional()
    .meta({ description: "true: the browser is remembered until `rememberedUntil` (DEVICE_KEY_REMEMBER_DAYS), which `verify` reports as `remembered`." }),
});

/** PATCH /api/v1/users/{id}/device-keys/{keyId}: the seed's "enrich". */
export const updateApiDeviceKeySchema = z.strictObject({
  displayName: deviceKeyDisplayNameSchema.meta({ description: `The browser's new name; trimmed, 1 to ${DISPLAY_NAME_MAX} printable characters.`, examples: ["Work laptop"] }),
});

/** POST /api/v1/device-keys/challenges. */
export const deviceKeyChallengeSchema = z.strictObject({
  userId: z.string({ error: "userId must be the user's id." }).pipe(apiUserIdSchema).meta({ description: "The user whose browser is to prove itself." }),
});

const proofPart = (name: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${name} is required.` : `${name} must be a string.`) })
    .min(1, { error: `${name} is required.` })
    .max(max, { error: `${name} is too long.` });

/**
 * POST /api/v1/device-keys/verify: what `MfaDeviceKey.prove` answered, with the nonce and the user.
 * Strings of a wrong shape are not refused here: they are a proof that fails (known: false), audited.
 */
export const verifyApiDeviceKeySchema = z.strictObject({
  userId: z.string({ error: "userId must be the user's id." }).pipe(apiUserIdSchema).meta({ description: "The user the challenge was issued for." }),
  keyId: proofPart("keyId", 128).meta({ description: "The keyId the browser answered with." }),
  nonce: proofPart("nonce", 128).meta({ description: "The nonce of the challenge, as issued." }),
  signature: proofPart("signature", 256).meta({ description: "The browser's signature, base64url (IEEE P1363)." }),
});

export type RegisterApiDeviceKeyInput = z.output<typeof registerApiDeviceKeySchema>;
export type VerifyApiDeviceKeyInput = z.output<typeof verifyApiDeviceKeySchema>;
