import "server-only";
import { db } from "@/lib/db";
import { RECOVERY_CODES_LOW, RECOVERY_CODES_PER_SET } from "@/lib/recovery-codes/recovery-code-format";

export type RecoveryCodeStatus = {
  /** Unused codes of the current set; 0 when there is none. */
  left: number;
  /** Codes in a set (every set is made with this many). */
  total: number;
  /** ISO time the set was made; null without a set. */
  createdAt: string | null;
  /** Fewer than RECOVERY_CODES_LOW left of a set: time to make new ones. */
  low: boolean;
  /** ISO time until which wrong codes have locked them; null when they can be used. */
  lockedUntil: string | null;
};

/** How the account's recovery codes stand now: one read of the set with a count of its unused codes. */
export async function recoveryCodeStatus(options: { userId: string; now?: Date }): Promise<RecoveryCodeStatus> {
  const now = options.now ?? new Date();
  const set = await db.recoveryCodeSet.findUnique({
    where: { userId: options.userId },
    select: { createdAt: true, lockedUntil: true, _count: { select: { codes: { where: { usedAt: null } } } } },
  });
  if (!set) return { left: 0, total: RECOVERY_CODES_PER_SET, createdAt: null, low: false, lockedUntil: null };
  const left = set._count.codes;
  return {
    left,
    total: RECOVERY_CODES_PER_SET,
    createdAt: set.createdAt.toISOString(),
    low: left < RECOVERY_CODES_LOW,
    lockedUntil: set.lockedUntil && set.lockedUntil > now ? set.lockedUntil.toISOString() : null,
  };
}
