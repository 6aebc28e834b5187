import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { rotateSession } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { config } from "@/lib/config";

/** Whether the session's last sign-in or step-up is within the policy's window (security.md item 8). */
export async function isRecentlyAuthenticated(options: { sessionId: string | null; now?: Date }) {
  if (!options.sessionId) return false;
  const session = await db.session.findUnique({ where: { id: options.sessionId }, select: { authenticatedAt: true, revokedAt: true } });
  if (!session || session.revokedAt) return false;
  const window = config().session.reauthWindowMinutes * 60_000;
  return (options.now ?? new Date()).getTime() - session.authenticatedAt.getTime() <= window;
}

/**
 * Re-authentication with the password before a sensitive change, for accounts whose highest level is
 * the password (see requiresSecondFactor). A right password replaces the session with a new, freshly
 * authenticated one (security.md item 21) and returns it; a wrong one is audited like a failed sign-in.
 */
export async function confirmPassword(options: { userId: string; sessionId: string | null; password: string; meta: RequestMeta }) {
  if (!options.sessionId) return null;
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  const renewed = ok ? await rotateSession({ sessionId: options.sessionId, userId: options.userId, method: "pwd", meta: options.meta }) : null;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      action: renewed ? "user.reauthenticated" : "user.sign_in_failed",
      userId: options.userId,
      details: { method: "pwd", reason: "re-authentication" },
      meta: options.meta,
    }),
  );
  return renewed;
}
