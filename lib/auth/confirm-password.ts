import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
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
 * Re-authentication with the password before a sensitive change: a right password marks the session
 * as freshly authenticated; a wrong one is audited like a failed sign-in.
 */
export async function confirmPassword(options: { userId: string; sessionId: string | null; password: string; meta: RequestMeta }) {
  if (!options.sessionId) return false;
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  await db.$transaction(async (tx) => {
    if (ok) {
      await tx.session.updateMany({
        where: { id: options.sessionId ?? "", userId: options.userId, revokedAt: null },
        data: { authenticatedAt: new Date() },
      });
    }
    await recordAuditEvent(tx, {
      action: ok ? "user.reauthenticated" : "user.sign_in_failed",
      userId: options.userId,
      details: { method: "pwd", reason: "re-authentication" },
      meta: options.meta,
    });
  });
  return ok;
}
