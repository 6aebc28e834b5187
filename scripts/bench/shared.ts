/** What the bench's seeds and drivers agree on, for both apps: who the users are and their TOTP keys. */
import { createHash } from "node:crypto";
import * as OTPAuth from "otpauth";

export const PASSWORD = "correct-horse-battery";
export const emailOf = (i: number) => `user${i}@bench.test`;
/**
 * User i's authenticator key in both apps: the ASCII bytes of this 32-character string (the peer's
 * twoFactor plugin makes its keys this way; the app stores the same bytes in base32).
 */
export const totpSecretOf = (i: number) => createHash("sha256").update(`bench-totp-${i}`).digest("hex").slice(0, 32);

const totps = new Map<number, OTPAuth.TOTP>();
export function totpCode(i: number, timestamp = Date.now()): string {
  let totp = totps.get(i);
  if (!totp) {
    totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromLatin1(totpSecretOf(i)), digits: 6, period: 30, algorithm: "SHA1" });
    totps.set(i, totp);
  }
  return totp.generate({ timestamp });
}
export const totpBase32Of = (i: number) => OTPAuth.Secret.fromLatin1(totpSecretOf(i)).base32;
