import "server-only";
import { db } from "@/lib/db";

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Window = { key: string; limit: number; windowSeconds: number; now?: Date };

/**
 * "At most `limit` hits per window per key". Each step is one conditional update, so concurrent
 * requests in any number of processes can never both take the last hit; nothing is read and then
 * written back from JavaScript.
 */
export async function hitFixedWindow(options: Window): Promise<LimitVerdict> {
  const now = options.now ?? new Date();
  const windowFloor = new Date(now.getTime() - options.windowSeconds * 1000);
  for (let round = 0; round < 5; round++) {
    // A hit inside the current window, only while it is under the limit.
    const inWindow = await db.rateLimit.updateMany({
      where: { key: options.key, windowStart: { gt: windowFloor }, count: { lt: options.limit } },
      data: { count: { increment: 1 } },
    });
    if (inWindow.count === 1) return { allowed: true };
    // The window has run out: this hit starts the next one. Only one racer matches the old window.
    const fresh = await db.rateLimit.updateMany({
      where: { key: options.key, windowStart: { lte: windowFloor } },
      data: { count: 1, windowStart: now, blockedUntil: null },
    });
    if (fresh.count === 1) return { allowed: true };
    const row = await db.rateLimit.findUnique({ where: { key: options.key }, select: { windowStart: true, count: true } });
    // Refused only when the window really is full: a racer may have created (or restarted) the row
    // after our UPDATEs missed it, with room left, and then this hit must try again, not be refused.
    if (row && row.windowStart > windowFloor && row.count >= options.limit) return refused(row.windowStart, options.windowSeconds, now);
    if (row) continue;
    try {
      await db.rateLimit.create({ data: { key: options.key, count: 1, windowStart: now } });
      return { allowed: true };
    } catch (error) {
      // Another request created the row first; count this hit against it.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { allowed: false, retryAfterSeconds: 1 };
}

/**
 * Gives back a hit that turned out not to count: for limits on failures, where each attempt takes a
 * hit first (so parallel attempts cannot all slip under the limit) and a success returns its hit.
 */
export async function releaseFixedWindowHit(key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Whether the next hit would be refused, without counting one (for limits counted only on failure). */
export async function peekFixedWindow(options: Window): Promise<LimitVerdict> {
  const now = options.now ?? new Date();
  const row = await db.rateLimit.findUnique({ where: { key: options.key }, select: { count: true, windowStart: true } });
  const windowLive = row && row.windowStart.getTime() > now.getTime() - options.windowSeconds * 1000;
  if (!row || !windowLive || row.count < options.limit) return { allowed: true };
  return refused(row.windowStart, options.windowSeconds, now);
}

function refused(windowStart: Date, windowSeconds: number, now: Date): LimitVerdict {
  const endsAt = windowStart.getTime() + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
