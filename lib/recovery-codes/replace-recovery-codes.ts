import "server-only";
import { db } from "@/lib/db";
import { serializeOn } from "@/lib/database/serialize-on";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { recoveryCodeHash } from "@/lib/otp/keyed-hash";
import { newRecoveryCodeSet, normalizeRecoveryCode } from "@/lib/recovery-codes/recovery-code-format";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

export type RecoveryCodesReason = "first-device" | "regenerated";

/**
 * Makes the account's recovery codes and returns them, the only time they exist outside their hashes.
 * The old set (if any) is deleted and the new one written in one transaction: from its commit only the
 * new codes work, and no moment exists with both sets or neither. Parallel calls take turns per account
 * (serializeOn), so the one-set-per-account key never trips. A set made on demand is told to the owner
 * by email, since it voids codes they may be keeping somewhere.
 */
export async function replaceRecoveryCodes(options: { userId: string; reason: RecoveryCodesReason; meta?: RequestMeta }): Promise<string[]> {
  const { userId, reason } = options;
  const codes = newRecoveryCodeSet();
  const email = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${userId}`);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return null;
    await tx.recoveryCodeSet.deleteMany({ where: { userId } });
    await tx.recoveryCodeSet.create({
      data: { userId, codes: { create: codes.map((code) => ({ codeHash: recoveryCodeHash(normalizeRecoveryCode(code)!) })) } },
      select: { id: true },
    });
    await recordAuditEvent(tx, { action: "recovery_codes.generated", userId, details: { reason, count: codes.length }, meta: options.meta });
    return user.email;
  });
  if (!email) throw new Error("replaceRecoveryCodes: no such user");
  if (reason === "regenerated") await notifyAccountChange({ email, action: "recovery_codes.generated", locale: options.meta?.locale });
  return codes;
}

/**
 * The rule for "generated when the first second factor is added" (issue 14), in one place: the account
 * has just got its only active device, so it gets a new set of codes (replacing any left from an earlier
 * time with two-step verification). Null when the account already had a device: its codes stay as they
 * are, and the portal's "Recovery codes" section makes new ones on demand.
 */
export async function issueRecoveryCodesForFirstDevice(options: { userId: string; meta?: RequestMeta }): Promise<string[] | null> {
  const active = await db.device.count({ where: { userId: options.userId, status: "ACTIVE" } });
  if (active !== 1) return null;
  return replaceRecoveryCodes({ userId: options.userId, reason: "first-device", meta: options.meta });
}
