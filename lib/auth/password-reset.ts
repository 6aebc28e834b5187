import "server-only";
import { endUserSessions } from "@/lib/auth/sessions";
import { forgetRememberedBrowsers } from "@/lib/device-keys/manage-device-keys";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { hashPassword } from "@/lib/auth/password";
import { passwordWeakness, WeakPasswordError } from "@/lib/auth/password-strength";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { serializeOn } from "@/lib/database/serialize-on";
import { emailWords } from "@/lib/notify/email-words";
import { sendEmail } from "@/lib/notify/send-email";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";
import { clearAttempts } from "@/lib/rate-limit/progressive-delay";
import { limitKey } from "@/lib/rate-limit/keys";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

/**
 * "Forgot password": emails a link that lets its holder choose a new password. Sent only when the
 * account exists; the caller answers the same either way, after the same time (security.md item 24).
 * 256 random bits, stored only as a hash, single use, PASSWORD_RESET_MINUTES long (item 23). A new link
 * voids every older one of the account, so only the newest email in the inbox works.
 */
export async function requestPasswordReset(options: { email: string; meta: RequestMeta; now?: Date }) {
  const user = await db.user.findUnique({ where: { email: options.email }, select: { id: true, email: true } });
  if (!user) return;
  const token = randomToken();
  const now = options.now ?? new Date();
  const minutes = config().passwordResetMinutes;
  await db.$transaction(async (tx) => {
    // Two requests at once on PostgreSQL must not both void the old links and then both add one.
    await serializeOn(tx, `password-reset:${user.id}`);
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await tx.passwordResetToken.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + minutes * 60_000) },
    });
    await recordAuditEvent(tx, { action: "user.password_reset_requested", userId: user.id, meta: options.meta });
  });
  const { companyName } = await currentBranding();
  await sendEmail({
    to: user.email,
    ...(await emailWords("passwordReset", { companyName, minutes, link: `${config().appUrl}/reset-password?token=${token}` }, options.meta.locale)),
  });
}

/** Reads a link without using it up: the page a GET shows must change nothing (link scanners fetch URLs). */
export async function peekPasswordReset(token: string, now = new Date()) {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { consumedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.consumedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return row.user;
}

/**
 * The person's POST from the reset page: checks the new password first (a refused password leaves the
 * link usable), then spends the link by a conditional update (one winner under concurrency) and, in
 * the same transaction, sets the password, ends every session of the account (signed in or still
 * waiting for a second factor, on every browser and instance), forgets its remembered browsers and
 * voids its unused sign-in and reset links. The person signs in again afterwards, so an account with MFA on still asks for its second
 * factor. Returns null for an unknown, used, voided or expired link.
 */
export async function resetPassword(options: { token: string; password: string; meta: RequestMeta; now?: Date }) {
  const now = options.now ?? new Date();
  const user = await peekPasswordReset(options.token, now);
  if (!user) return null;
  const weakness = passwordWeakness(options.password, [user.email, ...(user.name ? [user.name] : [])]);
  if (weakness) throw new WeakPasswordError(weakness);
  const passwordHash = await hashPassword(options.password);

  const sessionsEnded = await db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(options.token), userId: user.id, consumedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    if (spent.count !== 1) return null;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    // Opening a link sent to the address proves the address, as a sign-in link does.
    const verified = await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    if (verified.count === 1) {
      await recordAuditEvent(tx, { action: "user.email_verified", userId: user.id, details: { how: "password reset link" }, meta: options.meta });
    }
    const sessionsEnded = await endUserSessions(tx, { userId: user.id, now });
    // A remembered browser skips the second factor; after a reset, none does until the person proves
    // it again (whoever reset it may have sat at one of them).
    await forgetRememberedBrowsers(tx, { userId: user.id, reason: "password reset", meta: options.meta });
    // Whoever knew the old password may also have asked for links; none of them works any more.
    await tx.magicLinkToken.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await recordAuditEvent(tx, { action: "user.password_reset", userId: user.id, details: { sessionsEnded }, meta: options.meta });
    return sessionsEnded;
  });
  if (sessionsEnded === null) return null;
  // The new password is the person's own: earlier wrong guesses at the old one no longer make them wait.
  await clearAttempts(limitKey("sign-in:account", user.email));
  await notifyAccountChange({ email: user.email, action: "user.password_reset", when: now, locale: options.meta.locale });
  return { userId: user.id, sessionsEnded };
}
