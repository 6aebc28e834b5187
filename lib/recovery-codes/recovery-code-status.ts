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

/**
 * How the account's recovery codes stand now, in one statement that reads only the account's own rows:
 * its set by the userId key, and its unused codes through the (setId, codeHash) key. Prisma's filtered
 * `_count` would count every account's unused codes in a grouped subquery (a whole-table scan,
 * lib/database/request-path-plans.sqlite.test.ts), on each view of the device list.
 */
export async function recoveryCodeStatus(options: { userId: string; now?: Date }): Promise<RecoveryCodeStatus> {
  const now = options.now ?? new Date();
  const [set] = await db.$queryRaw<{ createdAt: Date; lockedUntil: Date | null; left: number | bigint }[]>`
    SELECT s."createdAt", s."lockedUntil",
           (SELECT COUNT(*) FROM "RecoveryCode" c WHERE c."setId" = s."id" AND c."usedAt" IS NULL) AS "left"
    FROM "RecoveryCodeSet" s
    WHERE s."userId" = ${options.userId}`;
  if (!set) return { left: 0, total: RECOVERY_CODES_PER_SET, createdAt: null, low: false, lockedUntil: null };
  const left = Number(set.left);
  const lockedUntil = set.lockedUntil ? new Date(set.lockedUntil) : null;
  return {
    left,
    total: RECOVERY_CODES_PER_SET,
    createdAt: new Date(set.createdAt).toISOString(),
    low: left < RECOVERY_CODES_LOW,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil.toISOString() : null,
  };
}
