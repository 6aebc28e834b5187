import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { CODE_DEVICE_TYPES } from "@/lib/otp/get-device-for-code";
import type { OtpPolicy } from "@/lib/otp/otp-policy";

export type FailedAttemptReason = "wrong_code" | "already_used" | "replay";

/**
 * After a wrong (or replayed) code, whose attempt record-attempt.ts has already counted: audits it and,
 * when the account's count has reached the threshold, locks every device of the account that takes
 * typed codes, and its recovery codes, so guessing cannot move on from one device to the next. Passkeys and security keys are
 * left usable: nobody can guess them, and they let the real owner back in.
 *
 * Returns when the device is now locked (by this attempt or the account's), and how many attempts are
 * left before a lockout.
 */
export async function recordFailedAttempt(options: {
  userId: string;
  deviceId?: string;
  /** recovery_code: a recovery code (lib/recovery-codes), whose set stands where a device would. */
  method: "otp" | "totp" | "recovery_code";
  reason: FailedAttemptReason;
  /** The lock record-attempt.ts set because this attempt reached the device's threshold (or the recovery codes'). */
  deviceLockedUntil?: Date;
  now: Date;
  policy: Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">;
  meta?: RequestMeta;
}): Promise<{ lockedUntil?: Date; attemptsLeft: number }> {
  const { userId, deviceId, now, policy } = options;
  return db.$transaction(async (tx) => {
    // Reads the counts, then locks on them: after the other failures of this account have been recorded.
    await serializeOn(tx, `user:${userId}`);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { failedMfaAttempts: true } });
    const device =
      deviceId === undefined
        ? null
        : await tx.device.findFirst({ where: { id: deviceId, userId }, select: { failedAttempts: true, lockedUntil: true } });
    const recovery =
      options.method === "recovery_code" ? await tx.recoveryCodeSet.findUnique({ where: { userId }, select: { failedAttempts: true } }) : null;
    const accountCount = user?.failedMfaAttempts ?? 0;
    const deviceCount = device?.failedAttempts ?? recovery?.failedAttempts ?? 0;

    await recordAuditEvent(tx, {
      action: options.method === "recovery_code" ? "recovery_code.failed" : options.reason === "replay" ? "totp.replay_refused" : "otp.failed",
      userId,
      deviceId,
      details: { method: options.method, reason: options.reason, failedAttempts: deviceCount, accountFailedAttempts: accountCount },
      meta: options.meta,
    });

    let lockedUntil = options.deviceLockedUntil;
    if (lockedUntil) {
      await recordAuditEvent(tx, {
        action: options.method === "recovery_code" ? "recovery_codes.locked" : "device.locked",
        userId,
        deviceId,
        details: { scope: "device", until: lockedUntil.toISOString(), failedAttempts: deviceCount },
        meta: options.meta,
      });
    }
    if (accountCount >= policy.lockoutThreshold) {
      const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
      const locked = await tx.device.updateMany({
        where: {
          userId,
          type: { in: [...CODE_DEVICE_TYPES] },
          status: { not: "BLOCKED" },
          OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }],
        },
        data: { lockedUntil: until },
      });
      // The recovery codes too: guessing must not move on from the devices to them, or back.
      const codesLocked = await tx.recoveryCodeSet.updateMany({
        where: { userId, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] },
        data: { lockedUntil: until },
      });
      if (codesLocked.count > 0) {
        await recordAuditEvent(tx, {
          action: "recovery_codes.locked",
          userId,
          details: { scope: "account", until: until.toISOString(), accountFailedAttempts: accountCount },
          meta: options.meta,
        });
      }
      if (locked.count > 0) {
        await recordAuditEvent(tx, {
          action: "device.locked",
          userId,
          deviceId,
          details: { scope: "account", until: until.toISOString(), accountFailedAttempts: accountCount, devices: locked.count },
          meta: options.meta,
        });
      }
      if (deviceId !== undefined || options.method === "recovery_code") lockedUntil = until;
    }
    const attemptsLeft = Math.max(0, policy.lockoutThreshold - Math.max(accountCount, deviceCount));
    return lockedUntil ? { lockedUntil, attemptsLeft } : { attemptsLeft };
  });
}
