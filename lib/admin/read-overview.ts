import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/audit/record-audit-event";

export const OVERVIEW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * A second factor that was tried and failed: a wrong or replayed code, a push denied or answered with
 * the wrong number, a wrong or spent recovery code, and a passkey whose signature counter went backwards. (A refused password is the
 * first factor: "user.sign_in_failed" is not counted here.)
 */
export const FAILED_SECOND_FACTOR_ACTIONS = [
  "otp.failed",
  "totp.replay_refused",
  "push.denied",
  "push.number_mismatch",
  "device.clone_suspected",
  "recovery_code.failed",
] as const satisfies readonly AuditAction[];

export type OverviewDay = { day: string; signIns: number; failedSecondFactors: number; lockouts: number };

export type Overview = {
  users: { total: number; withMfa: number };
  /** Active devices by type, most first. */
  devicesByType: { type: string; count: number }[];
  /** The last OVERVIEW_DAYS UTC days, oldest first, today last. */
  days: OverviewDay[];
  /** Devices locked at this moment (lockedUntil in the future). */
  lockedNow: number;
};

/**
 * The admin overview's figures in four statements, whatever the number of users or rows: users by MFA
 * on/off, active devices by type, devices locked now, and the audit rows of the last 30 days counted
 * per day and kind in the database. Days are bucketed by a CASE over the day boundaries, passed as
 * parameters, rather than by a date function: SQLite and PostgreSQL spell those differently, and the
 * comparison reads the (action, createdAt, id) index on both.
 */
export async function readOverview(options: { now?: Date } = {}): Promise<Overview> {
  const now = options.now ?? new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const starts = Array.from({ length: OVERVIEW_DAYS }, (_, i) => new Date(today - (OVERVIEW_DAYS - 1 - i) * DAY_MS));
  const end = new Date(today + DAY_MS);

  // Day i is [starts[i], starts[i + 1]): the first boundary a row is before names its day.
  const bucket = Prisma.sql`CASE ${Prisma.join(
    // The day numbers are written into the SQL (our own integers): PostgreSQL cannot type a CASE whose
    // every result is a parameter.
    starts.slice(1).map((start, i) => Prisma.sql`WHEN "createdAt" < ${start} THEN ${Prisma.raw(String(i))}`),
    " ",
  )} ELSE ${Prisma.raw(String(OVERVIEW_DAYS - 1))} END`;
  // A first factor's "user.signed_in" while the second is still to come is not a sign-in yet: the second
  // factor writes the one that counts (lib/audit/record-audit-event.ts, signInDetails).
  const kind = Prisma.sql`CASE WHEN "action" = 'user.signed_in' THEN 'signIn' WHEN "action" = 'device.locked' THEN 'lockout' ELSE 'failed' END`;
  const actions = ["user.signed_in", "device.locked", ...FAILED_SECOND_FACTOR_ACTIONS];

  const [users, devices, locked, counts] = await Promise.all([
    db.user.groupBy({ by: ["mfaEnabled"], _count: { _all: true } }),
    db.device.groupBy({ by: ["type"], where: { status: "ACTIVE" }, _count: { _all: true } }),
    db.device.count({ where: { lockedUntil: { gt: now }, status: { not: "BLOCKED" } } }),
    db.$queryRaw<{ day: number | bigint; kind: string; count: number | bigint }[]>`
      SELECT CAST(${bucket} AS INTEGER) AS "day", ${kind} AS "kind", CAST(COUNT(*) AS INTEGER) AS "count"
      FROM "AuditEvent"
      WHERE "action" IN (${Prisma.join(actions)}) AND "createdAt" >= ${starts[0]!} AND "createdAt" < ${end}
        AND NOT ("action" = 'user.signed_in' AND COALESCE("details", '') LIKE '%"secondFactorPending":true%')
      GROUP BY 1, 2`,
  ]);

  const days: OverviewDay[] = starts.map((start) => ({ day: start.toISOString().slice(0, 10), signIns: 0, failedSecondFactors: 0, lockouts: 0 }));
  for (const row of counts) {
    const day = days[Number(row.day)];
    if (!day) continue;
    const count = Number(row.count);
    if (row.kind === "signIn") day.signIns += count;
    else if (row.kind === "lockout") day.lockouts += count;
    else day.failedSecondFactors += count;
  }
  const total = users.reduce((sum, group) => sum + group._count._all, 0);
  return {
    users: { total, withMfa: users.find((group) => group.mfaEnabled)?._count._all ?? 0 },
    devicesByType: devices.map((group) => ({ type: group.type, count: group._count._all })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    days,
    lockedNow: locked,
  };
}
