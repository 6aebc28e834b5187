import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation, type LimitVerdict } from "@/lib/rate-limit/fixed-window";

export type DelayPolicy = { freeFailures: number; firstDelaySeconds: number; maxDelaySeconds: number };

/** Failures this old are forgotten (Keycloak's default failure reset time), so a year of typos adds up to nothing. */
const FORGET_AFTER_MS = 12 * 3600 * 1000;

/**
 * The wait that follows the `failures`-th consecutive failure: none for the free ones, then the first
 * delay, doubling with each further failure up to the maximum. Never a lock that outlasts the maximum.
 */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/**
 * Lets one attempt through unless the key is waiting, and counts it as a failure in advance: the
 * caller clears the count when the attempt succeeds. Counting before the password is checked means
 * parallel guesses cannot all slip through before the first failure is written. Each claim is a
 * compare-and-set on the count, so of two racers one wins and the other reads again.
 */
export async function claimAttempt(options: { key: string; policy: DelayPolicy; now?: Date }): Promise<LimitVerdict> {
  const now = options.now ?? new Date();
  for (let round = 0; round < 50; round++) {
    const row = await db.rateLimit.findUnique({ where: { key: options.key }, select: { count: true, blockedUntil: true, windowStart: true } });
    if (row?.blockedUntil && row.blockedUntil > now) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000)) };
    }
    // windowStart holds the time of the latest failure for this kind of counter.
    const stale = row !== null && row.windowStart.getTime() < now.getTime() - FORGET_AFTER_MS;
    const failures = (row && !stale ? row.count : 0) + 1;
    const delay = delayAfter(failures, options.policy);
    const blockedUntil = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
    if (!row) {
      try {
        await db.rateLimit.create({ data: { key: options.key, count: failures, windowStart: now, blockedUntil } });
        return { allowed: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
    }
    const { count } = await db.rateLimit.updateMany({
      where: { key: options.key, count: row.count, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
      data: { count: failures, blockedUntil, windowStart: now },
    });
    if (count === 1) return { allowed: true };
  }
  // Only under extreme contention on one key: refuse briefly rather than let an uncounted guess through.
  return { allowed: false, retryAfterSeconds: 1 };
}

/** A success forgets the failures (the "consecutive" in NIST's "consecutive failed attempts"). */
export async function clearAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
