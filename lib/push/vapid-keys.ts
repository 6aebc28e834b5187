import "server-only";
import webpush from "web-push";
import { db, type Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/rate-limit/fixed-window";

/** Both halves base64url: the public key an uncompressed P-256 point, the private key its 32-byte scalar. */
export type VapidKeyPair = { publicKey: string; privateKey: string };

/** The one row of VapidKeys. */
const KEYS_ROW = 1;
const columns = { publicKey: true, privateKey: true } as const;

/**
 * The stored key pair, made and stored the first time it is needed. Race-safe across instances: each
 * racer inserts its own pair under the one id, the database keeps the first, and every racer then
 * uses what was kept, never what it made. `client` lets a test stand in for a second instance.
 */
export async function loadVapidKeys(options: { client?: Db } = {}): Promise<VapidKeyPair> {
  const client = options.client ?? db;
  const stored = await client.vapidKeys.findUnique({ where: { id: KEYS_ROW }, select: columns });
  if (stored) return stored;
  try {
    await client.vapidKeys.create({ data: { id: KEYS_ROW, ...webpush.generateVAPIDKeys() } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const kept = await client.vapidKeys.findUnique({ where: { id: KEYS_ROW }, select: columns });
  if (!kept) throw new Error("VAPID keys were stored but cannot be read back");
  return kept;
}

let cached: Promise<VapidKeyPair> | undefined;

/**
 * The key pair, read once per process: it never changes once stored (a new one would orphan every
 * subscription). A failed read is not cached, so the next push tries again.
 */
export function getVapidKeys(): Promise<VapidKeyPair> {
  cached ??= loadVapidKeys().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The applicationServerKey the authenticator app subscribes with (base64url, 65 bytes decoded). */
export async function getVapidPublicKey(): Promise<string> {
  return (await getVapidKeys()).publicKey;
}
