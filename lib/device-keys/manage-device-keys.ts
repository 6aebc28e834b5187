import "server-only";
import { recordAuditEvent, type AuditAction, type RequestMeta } from "@/lib/audit/record-audit-event";
import { serializeOn } from "@/lib/database/serialize-on";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { DISPLAY_NAME_MAX } from "@/lib/device-keys/register-device-key";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

/** What a page or the API may show of a device key: never its public key. */
export type DeviceKeySummary = {
  keyId: string;
  displayName: string;
  status: "ACTIVE" | "BLOCKED";
  createdAt: Date;
  lastSeenAt: Date;
  lastSeenIp: string | null;
  /** Null when not remembered, or no longer. */
  rememberedUntil: Date | null;
  applicationId: string | null;
};

const summaryFields = { keyId: true, displayName: true, status: true, createdAt: true, lastSeenAt: true, lastSeenIp: true, rememberedUntil: true, applicationId: true } as const;

function summarize(row: Omit<DeviceKeySummary, "status"> & { status: string }, now = new Date()): DeviceKeySummary {
  return {
    ...row,
    status: row.status === "BLOCKED" ? "BLOCKED" : "ACTIVE",
    rememberedUntil: row.rememberedUntil && row.rememberedUntil > now ? row.rememberedUntil : null,
  };
}

/** The user's registered browsers, most recently seen first. */
export async function listDeviceKeys(userId: string): Promise<DeviceKeySummary[]> {
  const rows = await db.deviceKey.findMany({ where: { userId }, orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }], select: summaryFields });
  const now = new Date();
  return rows.map((row) => summarize(row, now));
}

/** One of the user's browsers by keyId; another user's keyId is not found. */
export async function getDeviceKey(options: { userId: string; keyId: string }): Promise<DeviceKeySummary> {
  const row = typeof options.keyId === "string" ? await db.deviceKey.findFirst({ where: { userId: options.userId, keyId: options.keyId }, select: summaryFields }) : null;
  if (!row) throw new AppError("NOT_FOUND", text("browsers.errors.notFound"));
  return summarize(row);
}

type KeyChange = { userId: string; keyId: string; meta: RequestMeta; applicationId?: string };

/**
 * Every change to one browser takes this shape: found by keyId and user together, changed, audited in
 * the same transaction, and told to the user by email (security.md item 9).
 */
async function changeKey(options: KeyChange & { action: AuditAction; details?: Record<string, unknown> }, change: (tx: Tx, key: { id: string; displayName: string }) => Promise<void>) {
  const { email, displayName } = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${options.userId}`);
    const key = await tx.deviceKey.findFirst({ where: { userId: options.userId, keyId: options.keyId }, select: { id: true, displayName: true, user: { select: { email: true } } } });
    if (!key) throw new AppError("NOT_FOUND", text("browsers.errors.notFound"));
    await change(tx, key);
    await recordAuditEvent(tx, {
      action: options.action,
      userId: options.userId,
      applicationId: options.applicationId,
      details: { keyId: options.keyId, displayName: key.displayName, ...options.details },
      meta: options.meta,
    });
    return { email: key.user.email, displayName: key.displayName };
  });
  await notifyAccountChange({ email, action: options.action, deviceLabel: displayName });
}

/** The seed's "enrich": a name the person chooses. */
export async function renameDeviceKey(options: KeyChange & { displayName: unknown }) {
  const name = typeof options.displayName === "string" ? options.displayName.trim() : "";
  if (name.length < 1 || name.length > DISPLAY_NAME_MAX) {
    throw new AppError("VALIDATION", text("browsers.errors.nameLength", { max: DISPLAY_NAME_MAX }), { displayName: [`1 to ${DISPLAY_NAME_MAX} characters.`] });
  }
  await changeKey({ ...options, action: "device_key.renamed", details: { to: name } }, async (tx, key) => {
    await tx.deviceKey.update({ where: { id: key.id }, data: { displayName: name } });
  });
}

/** Blocked: it proves nothing (a sign-in from it asks for the second factor, or is refused). */
export async function blockDeviceKey(options: KeyChange) {
  await changeKey({ ...options, action: "device_key.blocked" }, async (tx, key) => {
    await tx.deviceKey.update({ where: { id: key.id }, data: { status: "BLOCKED" } });
  });
}

export async function unblockDeviceKey(options: KeyChange) {
  await changeKey({ ...options, action: "device_key.unblocked" }, async (tx, key) => {
    await tx.deviceKey.update({ where: { id: key.id }, data: { status: "ACTIVE" } });
  });
}

/** Forgotten: the key is deleted; the next sign-in from that browser is a new device's. */
export async function forgetDeviceKey(options: KeyChange) {
  await changeKey({ ...options, action: "device_key.forgotten" }, async (tx, key) => {
    await tx.deviceKey.delete({ where: { id: key.id } });
  });
}

/** "Forget all other browsers": every key of the user but `keepKeyId` (this browser's, if it has one). */
export async function forgetOtherDeviceKeys(options: { userId: string; keepKeyId: string | null; meta: RequestMeta }): Promise<number> {
  const { count, email } = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${options.userId}`);
    const { count } = await tx.deviceKey.deleteMany({ where: { userId: options.userId, ...(options.keepKeyId ? { NOT: { keyId: options.keepKeyId } } : {}) } });
    if (count > 0) {
      await recordAuditEvent(tx, { action: "device_key.forgotten", userId: options.userId, details: { others: true, count, kept: options.keepKeyId }, meta: options.meta });
    }
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
    return { count, email };
  });
  if (count > 0) await notifyAccountChange({ email, action: "device_key.forgotten", deviceLabel: text("emails.accountChange.browsers", { count }) });
  return count;
}

/**
 * Every remembered browser of the user goes back to asking for the second factor (the keys stay known).
 * Called when the password changes or two-step verification is turned off, inside that change's
 * transaction.
 */
export async function forgetRememberedBrowsers(tx: Tx, options: { userId: string; reason: string; meta?: RequestMeta }): Promise<number> {
  const { count } = await tx.deviceKey.updateMany({ where: { userId: options.userId, rememberedUntil: { not: null } }, data: { rememberedUntil: null } });
  if (count > 0) {
    await recordAuditEvent(tx, { action: "device_key.remembered_forgotten", userId: options.userId, details: { count, reason: options.reason }, meta: options.meta });
  }
  return count;
}
