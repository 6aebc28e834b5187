import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { PAIRING_KEY_ALPHABET, PAIRING_KEY_LENGTH, QR_SECRET_BYTES } from "@/lib/authenticator-protocol/pairing-key";

/**
 * A typed pairing key: PAIRING_KEY_LENGTH characters, each drawn uniformly from Crockford's base32 by
 * the CSPRNG (randomInt is unbiased), so 10 × 5 = 50 bits (security.md item 19: at least 40).
 */
export function generateTypedPairingKey(): string {
  let key = "";
  for (let i = 0; i < PAIRING_KEY_LENGTH; i++) key += PAIRING_KEY_ALPHABET[randomInt(PAIRING_KEY_ALPHABET.length)];
  return key;
}

/** The QR code's secret: QR_SECRET_BYTES (16) bytes of the CSPRNG, base64url: 128 bits (at least 112). */
export function generateQrSecret(): string {
  return randomBytes(QR_SECRET_BYTES).toString("base64url");
}
