import "server-only";
import { db, type Tx } from "@/lib/db";
import { serializeOn } from "@/lib/database/serialize-on";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { recoveryCodeHash } from "@/lib/otp/keyed-hash";
import { otpPolicy, type OtpPolicy } from "@/lib/otp/otp-policy";
import { recordFailedAttempt } from "@/lib/otp/record-failed-attempt";
import { normalizeRecoveryCode, RECOVERY_CODES_LOW } from "@/lib/recovery-codes/recovery-code-format";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

export type RecoveryCodeCheck =
  | { ok: true; left: number }
  | { ok: false; reason: "invalid"; attemptsLeft?: number }
  | { ok: false; reason: "already_used"; attemptsLeft?: number }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  /** The account has no recovery codes (never made, or replaced meanwhile and this one gone). */
  | { ok: false; reason: "none" };

type Policy = Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">;

/**
 * Uses one of the account's recovery codes (issue 14). Like a passcode (security.md items 3 and 6):
 *
 * - the attempt is counted on the set and on the account BEFORE the code is compared, in conditional
 *   updates that refuse a locked set, so a burst of parallel guesses cannot outrun the lockout;
 * - the code is consumed by one conditional update (`usedAt: null` → now) on its set and hash, so two
 *   concurrent uses of one code cannot both succeed;
 * - a success resets the counts; a failure is audited and may lock the set and, at the account's
 *   threshold, the account's code devices with it (record-failed-attempt.ts).
 *
 * Input that cannot be a code (wrong length, letters outside the alphabet) is a typing slip and spends
 * no attempt. A used code is told to the owner by email; the caller (the sign-in flow) finishes the sign-in.
 */
export async function redeemRecoveryCode(options: {
  userId: string;
  code: string;
  now?: Date;
  policy?: Partial<Policy>;
  meta?: RequestMeta;
}): Promise<RecoveryCodeCheck> {
  const policy = await otpPolicy(options.policy);
  const now = options.now ?? new Date();
  const { userId } = options;
  const code = normalizeRecoveryCode(options.code);

  const checked = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${userId}`);
    const set = await tx.recoveryCodeSet.findUnique({ where: { userId }, select: { id: true } });
    if (!set) return { done: { ok: false, reason: "none" } as RecoveryCodeCheck };
    if (!code) return { done: { ok: false, reason: "invalid" } as RecoveryCodeCheck };

    const attempt = await countAttempt(tx, { userId, setId: set.id, now, policy });
    if (!attempt.ok) return { done: { ok: false, reason: "locked", lockedUntil: attempt.lockedUntil } as RecoveryCodeCheck };

    const codeHash = recoveryCodeHash(code);
    const used = await tx.recoveryCode.updateMany({ where: { setId: set.id, codeHash, usedAt: null }, data: { usedAt: now } });
    if (used.count === 1) {
      await tx.recoveryCodeSet.update({ where: { id: set.id }, data: { failedAttempts: 0, lockedUntil: null }, select: { id: true } });
      await tx.user.updateMany({ where: { id: userId }, data: { failedMfaAttempts: 0 } });
      const left = await tx.recoveryCode.count({ where: { setId: set.id, usedAt: null } });
      await recordAuditEvent(tx, { action: "recovery_code.used", userId, details: { left }, meta: options.meta });
      return { done: { ok: true, left } as RecoveryCodeCheck };
    }
    // Spent before (by this person, or by a parallel request a moment ago): said so, and still counted.
    const spent = await tx.recoveryCode.findUnique({ where: { setId_codeHash: { setId: set.id, codeHash } }, select: { id: true } });
    return { attempt, spent: spent !== null };
  });
  if ("done" in checked) {
    const done = checked.done!;
    if (done.ok) await tellOwner(userId, done.left);
    return done;
  }

  const failure = await recordFailedAttempt({
    userId,
    method: "recovery_code",
    reason: checked.spent ? "already_used" : "wrong_code",
    deviceLockedUntil: checked.attempt.lockedUntil,
    now,
    policy,
    meta: options.meta,
  });
  if (failure.lockedUntil) return { ok: false, reason: "locked", lockedUntil: failure.lockedUntil };
  return { ok: false, reason: checked.spent ? "already_used" : "invalid", attemptsLeft: failure.attemptsLeft };
}

/** A code was used: the owner hears of it at once, with how many are left (issue 14). */
async function tellOwner(userId: string, left: number) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return;
  const detail = text(left < RECOVERY_CODES_LOW ? "emails.accountChange.recoveryCodesLeftLow" : "emails.accountChange.recoveryCodesLeft", { left });
  await notifyAccountChange({ email: user.email, action: "recovery_code.used", detail });
}

/**
 * record-attempt.ts's rule with the set in the device's place: one increment below the threshold, or the
 * increment that reaches it and locks in the same statement; a locked set is refused. The account's
 * count goes up with it.
 */
async function countAttempt(
  tx: Tx,
  options: { userId: string; setId: string; now: Date; policy: Policy },
): Promise<{ ok: true; lockedUntil?: Date } | { ok: false; lockedUntil: Date }> {
  const { userId, setId, now, policy } = options;
  const usable = { id: setId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  let result: { ok: true; lockedUntil?: Date } | null = null;
  const belowLimit = await tx.recoveryCodeSet.updateMany({
    where: { ...usable, failedAttempts: { lt: policy.lockoutThreshold - 1 } },
    data: { failedAttempts: { increment: 1 } },
  });
  if (belowLimit.count === 1) result = { ok: true };
  else {
    const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    const atLimit = await tx.recoveryCodeSet.updateMany({ where: usable, data: { failedAttempts: { increment: 1 }, lockedUntil } });
    if (atLimit.count === 1) result = { ok: true, lockedUntil };
  }
  if (!result) {
    // Inside the transaction that serialises this account's attempts, nothing can clear the lock meanwhile.
    const set = await tx.recoveryCodeSet.findUnique({ where: { id: setId }, select: { lockedUntil: true } });
    if (set?.lockedUntil && set.lockedUntil > now) return { ok: false, lockedUntil: set.lockedUntil };
    throw new AppError("RATE_LIMITED", text("recoveryCodes.errors.busy"));
  }
  await tx.user.updateMany({ where: { id: userId }, data: { failedMfaAttempts: { increment: 1 } } });
  return result;
}
