import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { rotateSession } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { AppError } from "@/lib/errors/app-error";
import { claimAttempt, clearAttempts } from "@/lib/rate-limit/progressive-delay";
import { limitKey } from "@/lib/rate-limit/keys";
import { waitValues } from "@/lib/auth/sign-in-errors";
import { inEnglish, text } from "@/lib/i18n/text";

/** Whether the session's last sign-in or step-up is within the policy's window (security.md item 8). */
export async function isRecentlyAuthenticated(options: { sessionId: string | null; now?: Date }) {
  if (!options.sessionId) return false;
  const session = await db.session.findUnique({ where: { id: options.sessionId }, select: { authenticatedAt: true, revokedAt: true } });
  if (!session || session.revokedAt) return false;
  const window = (await devicePolicyFor()).stepUpWindowMinutes * 60_000;
  return (options.now ?? new Date()).getTime() - session.authenticatedAt.getTime() <= window;
}

/**
 * Re-authentication with the password before a sensitive change, for accounts whose highest level is
 * the password (see requiresSecondFactor). A right password replaces the session with a new, freshly
 * authenticated one (security.md item 21) and returns it; a wrong one is audited like a failed sign-in.
 * It counts against the same per-account waits as sign-in (security.md item 26), so a stolen session
 * is no way round them.
 */
export async function confirmPassword(options: { userId: string; sessionId: string | null; password: string; meta: RequestMeta; now?: Date }) {
  if (!options.sessionId) return null;
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { passwordHash: true, email: true } });
  if (!user) return null;
  const accountKey = limitKey("sign-in:account", user.email);
  const verdict = await claimAttempt({ key: accountKey, policy: config().limits.signIn, ...(options.now ? { now: options.now } : {}) });
  if (!verdict.allowed) {
    const message = text("authentication.flow.tooManyPasswords", waitValues(verdict.retryAfterSeconds));
    const error = new AppError("RATE_LIMITED", message, { password: [inEnglish(message)] });
    // The password field shows the same message, so the pages word it in the reader's language too.
    (error as { textFields?: readonly string[] }).textFields = ["password"];
    throw error;
  }
  const ok = await verifyPassword(user.passwordHash, options.password);
  if (ok) await clearAttempts(accountKey);
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
