import "server-only";
import { endUserSessions } from "@/lib/auth/sessions";
import { db, type Tx } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { describeBrowser, parseUserAgent } from "@/lib/http/user-agent";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

const gone = () => new AppError("NOT_FOUND", text("sessions.errors.gone"));

/** The family of the session making the request, found by its id AND its user, as every lookup here. */
async function currentFamily(tx: Tx, options: { userId: string; currentSessionId: string }) {
  const current = await tx.session.findFirst({ where: { id: options.currentSessionId, userId: options.userId }, select: { familyId: true } });
  if (!current) throw new AppError("UNAUTHENTICATED", text("sessions.errors.ended"));
  return current.familyId;
}

/**
 * "Sign out" beside one of the user's other sessions. The session is looked up by its id AND the
 * user, so an id of someone else's session is "not found" and ends nothing (security.md item 11).
 * The whole sign-in ends, every row of its family: a step-up racing this would otherwise leave the
 * replacement alive. Its next request, on any instance, finds no live session (findLiveSession reads
 * the row every time) and goes to sign-in. Audited, and told: if it was not the owner who did this,
 * the owner learns that someone with a session of theirs is ending the others.
 */
export async function signOutSession(options: {
  userId: string;
  currentSessionId: string;
  sessionId: string;
  meta: RequestMeta;
}): Promise<{ browser: string | null; parts: { browser: string | null; system: string | null } }> {
  const now = new Date();
  const { browser, parts, email } = await db.$transaction(async (tx) => {
    const target = await tx.session.findFirst({
      where: { id: options.sessionId, userId: options.userId },
      select: { familyId: true, userAgent: true, ip: true },
    });
    if (!target) throw gone();
    if (target.familyId === (await currentFamily(tx, options))) {
      throw new AppError("VALIDATION", text("sessions.errors.current"));
    }
    const { count } = await tx.session.updateMany({ where: { familyId: target.familyId, userId: options.userId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw gone();
    const browser = describeBrowser(target.userAgent);
    await recordAuditEvent(tx, { action: "user.session_signed_out", userId: options.userId, details: { browser, ip: target.ip }, meta: options.meta });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
    return { browser, parts: parseUserAgent(target.userAgent), email };
  });
  await notifyAccountChange({ email, action: "user.session_signed_out", deviceLabel: browser ?? undefined, when: now });
  // `browser` in English ("Chrome on Windows") as the audit log keeps it; `parts` for a page to word it in its reader's language.
  return { browser, parts: { browser: parts.browser, system: parts.system } };
}

/**
 * "Sign out all other sessions": every session of the user but the family of the one asking, those
 * still waiting for their second factor too (a sign-in begun elsewhere cannot be finished afterwards).
 * Audited with the count and told when there was any.
 */
export async function signOutOtherSessions(options: { userId: string; currentSessionId: string; meta: RequestMeta }): Promise<{ sessionsEnded: number }> {
  const now = new Date();
  const { count, email } = await db.$transaction(async (tx) => {
    const familyId = await currentFamily(tx, options);
    const count = await endUserSessions(tx, { userId: options.userId, now, exceptFamilyId: familyId });
    if (count > 0) await recordAuditEvent(tx, { action: "user.signed_out_others", userId: options.userId, details: { sessionsEnded: count }, meta: options.meta });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
    return { count, email };
  });
  if (count > 0) await notifyAccountChange({ email, action: "user.signed_out_others", when: now });
  return { sessionsEnded: count };
}
