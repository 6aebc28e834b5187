import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { normalizePasscode } from "@/lib/otp/generate-passcode";
import { getDeviceForCode } from "@/lib/otp/get-device-for-code";
import type { CodeCheckFailure } from "@/lib/otp/messages";
import { otpPolicy, type OtpPolicy } from "@/lib/otp/otp-policy";
import { recordAttempt } from "@/lib/otp/record-attempt";
import { recordFailedAttempt } from "@/lib/otp/record-failed-attempt";
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
  /** MOBILE: the mobile authenticator's passcode (lib/mobile/verify-mobile-passcode.ts), same rules. */
  deviceType?: "TOTP" | "MOBILE";
  userId: string;
  code: string;
  now?: Date;
  policy?: Partial<Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">>;
  meta?: RequestMeta;
}): Promise<VerifyTotpResult> {
  const policy = await otpPolicy(options.policy);
  const now = options.now ?? new Date();
  const { userId, deviceId } = options;
  const code = normalizePasscode(options.code);
  // Not six digits cannot match any step: a typing slip, so no attempt is spent on it.
  const wellFormed = new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);

  // The device read, the attempt's counts, the accepted step and the reset run in one transaction:
  // one BEGIN and COMMIT around them instead of one around each write (issue 8: a handful of statements
  // per step). Parallel submissions take turns per account (serializeOn; on SQLite the write lock of
  // BEGIN IMMEDIATE), and a wrong code's counts are committed with it before the failure is recorded below.
  const checked = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${userId}`);
    const device = await getDeviceForCode({ userId, deviceId, now }, tx);
    if (device.type !== (options.deviceType ?? "TOTP") || !device.totpSecret) throw notFound();
    // A phone's seed is handed out when it pairs; before then (or never) there is nothing to check.
    if (device.type === "MOBILE" && device.status !== "ACTIVE") throw notFound();
    if (!wellFormed) return { done: { ok: false, reason: "invalid" } as VerifyTotpResult };

    const attempt = await recordAttempt({ userId, deviceId, now, policy }, tx);
    if (!attempt.ok) return { done: { ok: false, reason: "locked", lockedUntil: attempt.lockedUntil } as VerifyTotpResult };

    const delta = totpFor({ secret: device.totpSecret }).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
    if (delta !== null) {
      const step = totpStep(now) + delta;
      // Accepting the step, clearing the device's failures and recording its use are one statement:
      // the same conditional UPDATE that makes the code single use.
      const accepted = await tx.device.updateMany({
        where: { id: deviceId, userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step, failedAttempts: 0, lockedUntil: null, lastUsedAt: now },
      });
      if (accepted.count === 1) {
        await tx.user.updateMany({ where: { id: userId }, data: { failedMfaAttempts: 0 } });
        return { done: { ok: true, step } as VerifyTotpResult };
      }
    }
    return { delta, attempt };
  });
  if ("done" in checked) return checked.done!;
  const { delta, attempt } = checked;

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
