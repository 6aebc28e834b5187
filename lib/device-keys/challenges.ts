import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { DeviceKeyRefusal } from "@/lib/device-keys/device-key-errors";
import { verifyDeviceKeyProof } from "@/lib/device-keys/proof";

/** Nonces live 2 minutes: long enough for a browser to sign, too short to keep for later. */
export const CHALLENGE_TTL_MS = 2 * 60_000;

/**
 * Who asked for a nonce, and so who alone may answer it (architecture: everything handed out belongs to
 * the session, user and application that asked): a portal session family, or a flow API application.
 */
export type ChallengeOwner = { sessionFamilyId: string } | { applicationId: string };

const hashOf = (nonce: string) => createHash("sha256").update(nonce).digest("base64url");
const ownerWhere = (owner: ChallengeOwner) =>
  "sessionFamilyId" in owner ? { sessionFamilyId: owner.sessionFamilyId, applicationId: null } : { applicationId: owner.applicationId, sessionFamilyId: null };

/**
 * Is known device, first half: a single-use nonce of 256 bits for one user, bound to its asker,
 * expiring in 2 minutes. Only its hash is stored. Which key answers is the browser's to say; it must be
 * one of this user's. Expired ones of the user are swept here, so the table holds minutes of rows.
 */
export async function issueDeviceKeyChallenge(options: { userId: string; owner: ChallengeOwner; now?: Date }) {
  const now = options.now ?? new Date();
  const nonce = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.deviceKeyChallenge.deleteMany({ where: { userId: options.userId, expiresAt: { lt: now } } });
  await db.deviceKeyChallenge.create({ data: { nonceHash: hashOf(nonce), userId: options.userId, ...ownerWhere(options.owner), expiresAt, createdAt: now } });
  return { nonce, expiresAt };
}

export type DeviceKeyVerdict =
  | { known: true; keyId: string; displayName: string; remembered: boolean; rememberedUntil: Date | null }
  | { known: false; reason: DeviceKeyRefusal };

/**
 * Is known device, second half: the nonce is spent first (one conditional update: answered once,
 * whatever the answer), then the key is looked up by keyId and user together (another user's keyId is
 * unknown), must be active and must have signed this keyId and nonce. Every outcome is audited; a
 * known browser's last-seen time and address are recorded. `remembered` says whether it may skip the
 * second factor now.
 */
export async function verifyDeviceKey(options: {
  userId: string;
  keyId: unknown;
  nonce: unknown;
  signature: unknown;
  owner: ChallengeOwner;
  meta: RequestMeta;
  /** As for registerDeviceKey: when the caller is not the browser, its address is the browser's only if given; else last seen keeps the one it had. */
  browser?: { ip: string | null };
  now?: Date;
}): Promise<DeviceKeyVerdict> {
  const now = options.now ?? new Date();
  const keyId = typeof options.keyId === "string" ? options.keyId.slice(0, 128) : "";
  const refuse = async (reason: DeviceKeyRefusal): Promise<DeviceKeyVerdict> => {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { action: "device_key.refused", userId: options.userId, details: { keyId: keyId || null, reason }, meta: options.meta }),
    );
    return { known: false, reason };
  };
  if (typeof options.nonce !== "string" || options.nonce.length > 128) return refuse("CHALLENGE_INVALID");

  const challenge = await db.deviceKeyChallenge.findFirst({
    where: { nonceHash: hashOf(options.nonce), userId: options.userId, ...ownerWhere(options.owner) },
    select: { id: true },
  });
  if (!challenge) return refuse("CHALLENGE_INVALID");
  const spent = await db.deviceKeyChallenge.updateMany({ where: { id: challenge.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) return refuse("CHALLENGE_INVALID");

  const key = keyId ? await db.deviceKey.findFirst({ where: { keyId, userId: options.userId } }) : null;
  if (!key) return refuse("UNKNOWN_KEY");
  if (key.status !== "ACTIVE") return refuse("BLOCKED");
  if (!(await verifyDeviceKeyProof(key.publicKey, { keyId, nonce: options.nonce }, options.signature))) return refuse("SIGNATURE_INVALID");

  const ip = options.browser ? options.browser.ip : (options.meta.ip ?? null);
  const seenIp = options.browser && ip === null ? {} : { lastSeenIp: ip };
  await db.$transaction(async (tx) => {
    await tx.deviceKey.updateMany({ where: { id: key.id }, data: { lastSeenAt: now, ...seenIp } });
    await recordAuditEvent(tx, { action: "device_key.verified", userId: options.userId, details: { keyId }, meta: options.meta });
  });
  const remembered = key.rememberedUntil !== null && key.rememberedUntil > now;
  return { known: true, keyId, displayName: key.displayName, remembered, rememberedUntil: key.rememberedUntil };
}
