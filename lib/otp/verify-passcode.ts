import "server-only";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { normalizePasscode } from "@/lib/otp/generate-passcode";
import { getDeviceForCode } from "@/lib/otp/get-device-for-code";
import { passcodeMatches } from "@/lib/otp/keyed-hash";
import type { CodeCheckFailure, CodeCheckResult } from "@/lib/otp/messages";
import { otpPolicy, type OtpPolicy } from "@/lib/otp/otp-policy";
import type { PasscodePurpose } from "@/lib/otp/passcode-purpose";
import { recordAttempt } from "@/lib/otp/record-attempt";
import { recordFailedAttempt } from "@/lib/otp/record-failed-attempt";
import { resetFailedAttempts } from "@/lib/otp/reset-failed-attempts";

export type VerifyPasscodeOptions = {
  userId: string;
  flowExecutionId: string;
  purpose: PasscodePurpose;
  /** Must be the device the code was issued for; a code issued without a device is checked without one. */
  deviceId?: string;
  code: string;
  now?: Date;
  policy?: Partial<OtpPolicy>;
  meta?: RequestMeta;
};

/**
 * Checks a passcode against the newest one issued for exactly this user, flow, purpose and device
 * (security.md item 5). Every state change is a conditional UPDATE, never read-then-write, so parallel
 * submissions cannot share one code's attempts or use one code twice (item 3).
 *
 * Throws AppError "LOCKED" (message says until when), "FORBIDDEN" (blocked) or "NOT_FOUND" when the
 * device cannot be used at all; returns `{ ok: false, reason: "locked" }` when this attempt caused the lockout.
 */
export async function verifyPasscode(options: VerifyPasscodeOptions): Promise<CodeCheckResult> {
  const policy = await otpPolicy(options.policy);
  const now = options.now ?? new Date();
  const { userId, flowExecutionId, purpose, deviceId } = options;
  if (deviceId !== undefined) await getDeviceForCode({ userId, deviceId, now });

  const code = normalizePasscode(options.code);
  // An empty submission is a slip, not a guess: it costs no attempt.
  if (code === "") return { ok: false, reason: "invalid" };

  const passcode = await db.passcode.findFirst({
    where: { userId, flowExecutionId, purpose, deviceId: deviceId ?? null, consumedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, codeHash: true },
  });
  if (!passcode) return { ok: false, reason: "expired" };

  // Take one of this code's attempts first: however many guesses arrive together, at most
  // `maxAttempts` of them are ever compared with it.
  const claimed = await db.passcode.updateMany({
    where: { id: passcode.id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: policy.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return unavailable(passcode.id, now, policy);

  const attempt = await recordAttempt({ userId, deviceId, now, policy });
  if (!attempt.ok) return { ok: false, reason: "locked", lockedUntil: attempt.lockedUntil };

  const matches = passcodeMatches(code, passcode.codeHash);
  if (matches) {
    const consumed = await db.passcode.updateMany({
      where: { id: passcode.id, consumedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    if (consumed.count === 1) {
      await resetFailedAttempts({ userId, deviceId });
      return { ok: true };
    }
  }

  const failure = await recordFailedAttempt({
    userId,
    deviceId,
    method: "otp",
    reason: matches ? "already_used" : "wrong_code",
    deviceLockedUntil: attempt.lockedUntil,
    now,
    policy,
    meta: options.meta,
  });
  if (failure.lockedUntil) return { ok: false, reason: "locked", lockedUntil: failure.lockedUntil };
  const row = await db.passcode.findUnique({ where: { id: passcode.id }, select: { attempts: true } });
  const codeAttemptsLeft = Math.max(0, policy.maxAttempts - (row?.attempts ?? policy.maxAttempts));
  if (codeAttemptsLeft === 0) return { ok: false, reason: "exhausted" };
  return { ok: false, reason: "invalid", attemptsLeft: Math.min(codeAttemptsLeft, failure.attemptsLeft) };
}

async function unavailable(passcodeId: string, now: Date, policy: OtpPolicy): Promise<CodeCheckFailure> {
  const row = await db.passcode.findUnique({ where: { id: passcodeId }, select: { expiresAt: true, attempts: true, consumedAt: true } });
  if (row?.consumedAt) return { ok: false, reason: "invalid" };
  if (!row || row.expiresAt <= now) return { ok: false, reason: "expired" };
  if (row.attempts >= policy.maxAttempts) return { ok: false, reason: "exhausted" };
  return { ok: false, reason: "expired" };
}
