import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

/**
 * A short-lived secret a page must show again until it is used (a phone's pairing key, shown on every
 * view of the pairing page): kept in the flow's state sealed, AES-256-GCM under a key derived from
 * AUTH_SECRET, so whoever reads the database alone learns nothing from it. The redeeming side stores
 * only a hash (lib/mobile, lib/recovery-codes); this is the displaying side's copy. Each purpose has its own key.
 */
type Purpose = "pairing-key" | "recovery-codes";
const keys = new Map<Purpose, Buffer>();

function key(purpose: Purpose): Buffer {
  let k = keys.get(purpose);
  if (!k) {
    k = Buffer.from(hkdfSync("sha256", config().authSecret, "mfa-portal", `seal/${purpose}/v1`, 32));
    keys.set(purpose, k);
  }
  return k;
}

/** iv.ciphertext.tag, base64url. */
export function seal(purpose: Purpose, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

/** The secret, or null for anything not sealed by this installation for this purpose (tampered, other key). */
export function unseal(purpose: Purpose, sealed: string): string | null {
  const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !body || !tag || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
