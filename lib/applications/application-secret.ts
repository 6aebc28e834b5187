/**
 * An application's API key: `mfa_sk_` + 256 random bits + a checksum, all in base62.
 *
 * - The prefix makes a leaked key recognisable: GitHub's and other secret scanners can look for
 *   `mfa_sk_[0-9A-Za-z]{49}`, and a person reading a log sees at once what it is.
 * - Base62 has no `-` or `_`, so a double click selects the whole key and a regex has clear edges.
 * - The checksum (6 characters from SHA-256 of the random part) lets a scanner, and our own door, tell
 *   a real key from a look-alike without a database: a mistyped or truncated key is "malformed" before
 *   any query runs.
 *
 * Only the key's SHA-256 is stored. A plain hash is enough here, unlike the short passcodes
 * (lib/otp/keyed-hash.ts): nobody can try 2^256 candidates against a leaked table. It also means the
 * keys do not depend on AUTH_SECRET, so rotating that secret leaves every application working.
 *
 * No "server-only": scripts/applications.ts and the end-to-end tests create applications through the
 * same code (lib/applications/create-application.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const SECRET_PREFIX = "mfa_sk_";
const RANDOM_LENGTH = 43; // 62^43 > 2^256
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
const SECRET_PATTERN = new RegExp(`^${SECRET_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function base62(bytes: Buffer, length: number): string {
  let value = BigInt(`0x${bytes.toString("hex") || "0"}`);
  let text = "";
  while (value > 0n) {
    text = BASE62[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text.padStart(length, "0");
}

function checksum(random: string): string {
  return base62(createHash("sha256").update(random).digest().subarray(0, 4), CHECKSUM_LENGTH);
}

/** A new key. Shown once to whoever creates the application; only its hash is kept. */
export function generateApplicationSecret(): string {
  const random = base62(randomBytes(32), RANDOM_LENGTH);
  return `${SECRET_PREFIX}${random}${checksum(random)}`;
}

/** Whether the text has the shape of one of our keys, checksum included. Says nothing of whether it exists. */
export function isWellFormedSecret(text: string): boolean {
  if (!SECRET_PATTERN.test(text)) return false;
  const body = text.slice(SECRET_PREFIX.length);
  return checksum(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

/** What the database keeps of a key: its SHA-256, hex. */
export function hashApplicationSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Whether `secret` is the key behind `secretHash`, compared in constant time. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const computed = Buffer.from(hashApplicationSecret(secret));
  const stored = Buffer.from(secretHash);
  return computed.length === stored.length && timingSafeEqual(computed, stored);
}

/** An application's public identifier (not a credential): `app_` and 128 random bits in 22 base62 characters. */
export function generateClientId(): string {
  return `app_${base62(randomBytes(16), 22)}`;
}

export const CLIENT_ID_PATTERN = /^app_[0-9A-Za-z]{22}$/;
