import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import type { OtpPolicy } from "@/lib/otp/otp-policy";

export type AttemptRecorded =
  /** `lockedUntil`: this attempt reached the threshold, so the device is locked unless the code is right. */
  | { ok: true; lockedUntil?: Date }
  | { ok: false; lockedUntil: Date };

/**
 * Counts an attempt against the device and the account BEFORE the code is compared; a success then
 * resets the counts (reset-failed-attempts.ts) and a failure decides on a lockout (record-failed-attempt.ts).
 * Counting first, in one conditional UPDATE that refuses a locked device, is what makes the threshold hold
 * under concurrency: checking the lock and then counting would let a burst of parallel guesses all pass
 * the check before the first of them locked the device.
 */
export async function recordAttempt(options: {
  userId: string;
  deviceId?: string;
  now: Date;
  policy: Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">;
}, client: Tx | typeof db = db): Promise<AttemptRecorded> {
  const { userId, deviceId, now, policy } = options;
  const counted = deviceId === undefined ? { ok: true as const } : await countOnDevice({ userId, deviceId, now, policy }, client);
  if (!counted.ok) return counted;
  const user = await client.user.updateMany({ where: { id: userId }, data: { failedMfaAttempts: { increment: 1 } } });
  if (user.count === 0) throw notFound("Account");
  return counted;
}

async function countOnDevice(options: {
  userId: string;
  deviceId: string;
  now: Date;
  policy: Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">;
}, client: Tx | typeof db = db): Promise<AttemptRecorded> {
  const { userId, deviceId, now, policy } = options;
  const usable = {
    id: deviceId,
    userId,
    status: { not: "BLOCKED" as const },
    OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
  };
  // Two tries at most: a success elsewhere can clear a lock between the UPDATEs and the read below.
  for (let round = 0; round < 2; round++) {
    const belowLimit = await client.device.updateMany({
      where: { ...usable, failedAttempts: { lt: policy.lockoutThreshold - 1 } },
      data: { failedAttempts: { increment: 1 } },
    });
    if (belowLimit.count === 1) return { ok: true };

    // This attempt reaches the threshold (or comes after an expired lockout): it locks the device in the
    // same statement, so no parallel attempt gets in while this one is being checked.
    const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    const atLimit = await client.device.updateMany({ where: usable, data: { failedAttempts: { increment: 1 }, lockedUntil } });
    if (atLimit.count === 1) return { ok: true, lockedUntil };

    const device = await client.device.findFirst({ where: { id: deviceId, userId }, select: { status: true, lockedUntil: true } });
    if (!device) throw notFound();
    if (device.status === "BLOCKED") throw new AppError("FORBIDDEN", text("errors.device.blocked"));
    if (device.lockedUntil && device.lockedUntil > now) return { ok: false, lockedUntil: device.lockedUntil };
  }
  throw new AppError("RATE_LIMITED", text("errors.device.tooManyAtOnce"));
}
