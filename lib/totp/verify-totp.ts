import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { normalizePasscode } from "@/lib/otp/generate-passcode";
import { getDeviceForCode } from "@/lib/otp/get-device-for-code";
import type { CodeCheckFailure } from "@/lib/otp/messages";
import { otpPolicy, type OtpPolicy } from "@/lib/otp/otp-policy";
import { recordAttempt } from "@/lib/otp/record-attempt";
import { recordFailedAttempt } from "@/lib/otp/record-failed-attempt";
import { resetFailedAttempts } from "@/lib/otp/reset-failed-attempts";
import { TOTP_DIGITS, TOTP_WINDOW, totpFor, totpStep } from "@/lib/totp/totp-parameters";

export type VerifyTotpResult = { ok: true; step: number } | CodeCheckFailure;

/**
 * Checks a code from the user's authenticator app (device type TOTP) against the server's clock,
 * within the window documented in totp-parameters.ts. A code is accepted once: the matched step must be
 * later than the last accepted one, and the step is recorded in the same conditional UPDATE, so two
 * submissions of one code cannot both pass (security.md item 4). Wrong codes count toward the same
 * lockout as passcodes.
 *
 * Throws AppError "LOCKED", "FORBIDDEN" (blocked) or "NOT_FOUND" (not this user's TOTP device).
 */
export async function verifyTotp(options: {
  deviceId: string;
  userId: string;
  code: string;
  now?: Date;
  policy?: Partial<Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">>;
  meta?: RequestMeta;
}): Promise<VerifyTotpResult> {
  const policy = otpPolicy(options.policy);
  const now = options.now ?? new Date();
  const { userId, deviceId } = options;
  const device = await getDeviceForCode({ userId, deviceId, now });
  if (device.type !== "TOTP" || !device.totpSecret) throw notFound();

  const code = normalizePasscode(options.code);
  // Not six digits cannot match any step: a typing slip, so no attempt is spent on it.
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return { ok: false, reason: "invalid" };

  const attempt = await recordAttempt({ userId, deviceId, now, policy });
  if (!attempt.ok) return { ok: false, reason: "locked", lockedUntil: attempt.lockedUntil };

  const delta = totpFor({ secret: device.totpSecret }).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta !== null) {
    const step = totpStep(now) + delta;
    // Accepting the step, clearing the device's failures and recording its use are one statement: the
    // same conditional UPDATE that makes the code single use (issue 8: fewer statements per step).
    const accepted = await db.device.updateMany({
      where: { id: deviceId, userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step, failedAttempts: 0, lockedUntil: null, lastUsedAt: now },
    });
    if (accepted.count === 1) {
      await resetFailedAttempts({ userId });
      return { ok: true, step };
    }
  }

  const failure = await recordFailedAttempt({
    userId,
    deviceId,
    method: "totp",
    reason: delta === null ? "wrong_code" : "replay",
    deviceLockedUntil: attempt.lockedUntil,
    now,
    policy,
    meta: options.meta,
  });
  if (failure.lockedUntil) return { ok: false, reason: "locked", lockedUntil: failure.lockedUntil };
  if (delta !== null) return { ok: false, reason: "replayed" };
  return { ok: false, reason: "invalid", attemptsLeft: failure.attemptsLeft };
}
