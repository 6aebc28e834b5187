import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

type KeyName = "passcode" | "destination" | "rate-limit" | "pairing-key" | "recovery-code" | "widget-session";
const keys = new Map<KeyName, Buffer>();

/**
 * A short code has too few values for a plain hash to hide it: whoever reads the table could try them
 * all. Keying the hash with a secret that is not in the database stops that. Each use gets its own key,
 * derived from AUTH_SECRET, so one hash can never stand in for another.
 */
function key(name: KeyName): Buffer {
  let k = keys.get(name);
  if (!k) {
    k = Buffer.from(hkdfSync("sha256", config().authSecret, "mfa-portal", `otp/${name}/v1`, 32));
    keys.set(name, k);
  }
  return k;
}

export function hashPasscode(code: string): string {
  return createHmac("sha256", key("passcode")).update(code).digest("base64url");
}

export function passcodeMatches(code: string, codeHash: string): boolean {
  const a = Buffer.from(hashPasscode(code));
  const b = Buffer.from(codeHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Stands for a phone number or email in the send log (AuditEvent.destination), so sends can be counted
 * per destination across accounts without the log holding the number.
 */
export function destinationKey(destination: string): string {
  return createHmac("sha256", key("destination")).update(destination.trim().toLowerCase()).digest("hex");
}

/**
 * Stands for an email or client address in a rate-limit key (lib/rate-limit), so counting per person
 * or per address leaves no plain addresses in the table.
 */
export function rateLimitSubject(subject: string): string {
  return createHmac("sha256", key("rate-limit")).update(subject.trim().toLowerCase()).digest("hex");
}

/**
 * Stands for a pairing key (typed or the QR code's secret) in PairingKey. The typed key has 50 bits,
 * few enough that a plain hash in a copied table could be reversed by trying them all; the key that is
 * not in the database stops that. Keys are looked up by this hash, so it is deterministic.
 */
export function pairingKeyHash(kind: "typed" | "qr", secret: string): string {
  return createHmac("sha256", key("pairing-key")).update(`${kind}:${secret}`).digest("base64url");
}

/**
 * Stands for a recovery code (lib/recovery-codes) in RecoveryCode. A code has about 49 bits: a keyed
 * hash, like the pairing key's, so a copied table cannot be reversed without AUTH_SECRET, and
 * deterministic, so a code is found (and used up) by one conditional update on its hash rather than by
 * checking ten slow hashes per attempt.
 */
export function recoveryCodeHash(normalizedCode: string): string {
  return createHmac("sha256", key("recovery-code")).update(normalizedCode).digest("base64url");
}

/** Signs a widget session's id (lib/widget/widget-session.ts): its credential is the id and this. */
export function widgetSessionSignature(sessionId: string): string {
  return createHmac("sha256", key("widget-session")).update(sessionId).digest("base64url");
}
