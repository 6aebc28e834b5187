import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { emailWords } from "@/lib/notify/email-words";
import { sendEmail } from "@/lib/notify/send-email";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

/**
 * Emails a link that proves the account's address (security.md item 28): 256 random bits, stored only
 * as a hash, single use, short-lived. Like a sign-in link, opening it changes nothing until the person
 * presses "Confirm my email" (link scanners fetch URLs).
 */
export async function sendEmailVerification(options: { userId: string; meta: RequestMeta }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId } });
  const token = randomToken();
  const minutes = config().emailVerificationMinutes;
  await db.$transaction(async (tx) => {
    await tx.emailVerificationToken.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + minutes * 60_000) },
    });
    await recordAuditEvent(tx, { action: "user.email_verification_sent", userId: user.id, meta: options.meta });
  });
  const { companyName } = await currentBranding();
  await sendEmail({
    to: user.email,
    ...(await emailWords("emailVerification", { companyName, minutes, link: `${config().appUrl}/verify-email?token=${token}` }, options.meta.locale)),
  });
}

/**
 * A new confirmation link on request, from the sign-in page. Sent only to an account that exists and
 * is still unconfirmed; the caller answers the same in every case (security.md item 24).
 */
export async function requestEmailVerification(options: { email: string; meta: RequestMeta }) {
  const user = await db.user.findUnique({ where: { email: options.email }, select: { id: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  await sendEmailVerification({ userId: user.id, meta: options.meta });
}

/** Reads a link without using it up: the page a GET shows must change nothing. */
export async function peekEmailVerification(token: string) {
  const row = await db.emailVerificationToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.consumedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { email: row.user.email };
}

/**
 * The person's POST: uses the link up (one winner under concurrency, by a conditional update) and marks
 * the address verified. Returns null for an unknown, used or expired link.
 */
export async function confirmEmailVerification(options: { token: string; meta: RequestMeta; now?: Date }) {
  const tokenHash = hashToken(options.token);
  const now = options.now ?? new Date();
  const { count } = await db.emailVerificationToken.updateMany({
    where: { tokenHash, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (count !== 1) return null;
  const row = await db.emailVerificationToken.findUniqueOrThrow({ where: { tokenHash } });
  await markEmailVerified({ userId: row.userId, meta: options.meta, how: "confirmation link", now });
  return { userId: row.userId };
}

/** Records that the address was proved, once; a later proof leaves the first date as it is. */
export async function markEmailVerified(options: { userId: string; meta: RequestMeta; how: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: options.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    if (count === 1) {
      await recordAuditEvent(tx, { action: "user.email_verified", userId: options.userId, details: { how: options.how }, meta: options.meta });
    }
  });
}
