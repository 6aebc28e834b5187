import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { parseUserAgent } from "@/lib/http/user-agent";

/** One live session of the user as "Your sessions" shows it: never its token's family or methods. */
export type SessionSummary = {
  id: string;
  /** The session this request is made with ("This browser"). */
  current: boolean;
  browser: string | null;
  system: string | null;
  form: "mobile" | "tablet" | "desktop" | null;
  ip: string | null;
  /** From the operator's proxy (IP_LOCATION_HEADERS), e.g. "Berlin, DE"; null when none is configured. */
  location: string | null;
  /** When this sign-in began: its first session row, before any step-up replaced it. */
  signedInAt: Date;
  lastActiveAt: Date;
  /**
   * The password (or link, or passkey) was given but not the second factor yet. Shown, not hidden:
   * it is someone who knows the first factor, and ending it stops that sign-in being finished.
   */
  secondFactorPending: boolean;
};

/**
 * The user's live sessions, the current one first, then the most recently active. Live as
 * findLiveSession has it (not revoked, within the absolute lifetime and the idle timeout), so a
 * session listed here is one that a request could still use.
 */
export async function listSessions(options: { userId: string; currentSessionId: string; now?: Date }): Promise<SessionSummary[]> {
  const now = options.now ?? new Date();
  const idleSince = new Date(now.getTime() - config().session.idleMinutes * 60_000);
  const rows = await db.session.findMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gte: idleSince } },
    select: { id: true, familyId: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true, location: true, secondFactorPending: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  if (rows.length === 0) return [];
  // A step-up replaces a session with a new row of the same family: the sign-in began with the first.
  const families = await db.session.groupBy({
    by: ["familyId"],
    where: { userId: options.userId, familyId: { in: [...new Set(rows.map((r) => r.familyId))] } },
    _min: { createdAt: true },
  });
  const began = new Map(families.map((f) => [f.familyId, f._min.createdAt]));
  const sessions = rows.map((row) => ({
    id: row.id,
    current: row.id === options.currentSessionId,
    ...parseUserAgent(row.userAgent),
    ip: row.ip,
    location: row.location,
    signedInAt: began.get(row.familyId) ?? row.createdAt,
    lastActiveAt: row.lastSeenAt,
    secondFactorPending: row.secondFactorPending,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}
