import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { createSession } from "@/lib/auth/sessions";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { emailWords } from "@/lib/notify/email-words";
import { sendEmail } from "@/lib/notify/send-email";
import { recordAuditEvent, signInDetails, type RequestMeta } from "@/lib/audit/record-audit-event";
import { markEmailVerified } from "@/lib/auth/email-verification";

/**
 * Emails a sign-in link when the account exists and does nothing visible otherwise: the caller shows
 * the same answer either way (security.md item 24).
 */
export async function requestMagicLink(options: { email: string; meta: RequestMeta }) {
  // The policy turned sign-in links off: nothing is sent, and the answer is the same as ever.
  const policy = await devicePolicyFor();
  if (!policy.magicLinkEnabled) return;
  const user = await db.user.findUnique({ where: { email: options.email } });
  if (!user) return;
  const token = randomToken();
  const minutes = policy.magicLinkMinutes;
  await db.$transaction(async (tx) => {
    await tx.magicLinkToken.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + minutes * 60_000) },
    });
    await recordAuditEvent(tx, { action: "user.magic_link_sent", userId: user.id, meta: options.meta });
  });
  const { companyName } = await currentBranding();
  await sendEmail({
    to: user.email,
    ...(await emailWords("magicLink", { companyName, minutes, link: `${config().appUrl}/magic-link?token=${token}` }, options.meta.locale)),
  });
}

/**
 * A link that completes one authentication flow (the magic-link fallback of the Device Authentication
 * subflow) instead of opening a session of its own. It is bound to that flow.
 */
export async function sendFlowMagicLink(options: { userId: string; flowExecutionId: string; meta: RequestMeta }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId } });
  const token = randomToken();
  const minutes = (await devicePolicyFor()).magicLinkMinutes;
  await db.$transaction(async (tx) => {
    await tx.magicLinkToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        flowExecutionId: options.flowExecutionId,
        expiresAt: new Date(Date.now() + minutes * 60_000),
      },
    });
    await recordAuditEvent(tx, { action: "user.magic_link_sent", userId: user.id, details: { flowExecutionId: options.flowExecutionId }, meta: options.meta });
  });
  const { companyName } = await currentBranding();
  await sendEmail({
    to: user.email,
    ...(await emailWords("flowMagicLink", { companyName, minutes, link: `${config().appUrl}/magic-link?token=${token}` }, options.meta.locale)),
  });
}

/** Reads a link without using it up: a GET of the link must change nothing (link scanners fetch it). */
export async function peekMagicLink(token: string) {
  const row = await db.magicLinkToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.consumedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { email: row.user.email, forFlow: row.flowExecutionId !== null };
}

/**
 * Uses a link up (one winner under concurrency, by a conditional update) and opens a session; with
 * MFA on, a session that still needs the second factor.
 */
export async function consumeMagicLink(options: { token: string; meta: RequestMeta }) {
  const tokenHash = hashToken(options.token);
  const now = new Date();
  const { count } = await db.magicLinkToken.updateMany({
    where: { tokenHash, consumedAt: null, expiresAt: { gt: now }, flowExecutionId: null },
    data: { consumedAt: now },
  });
  if (count !== 1) return null;
  const row = await db.magicLinkToken.findUniqueOrThrow({ where: { tokenHash }, include: { user: true } });
  // Opening a link sent to the address proves the address, as the confirmation link would.
  if (!row.user.emailVerifiedAt) await markEmailVerified({ userId: row.userId, meta: options.meta, how: "sign-in link" });
  // With MFA on the link is one factor, whatever the devices: an account whose only second factor is
  // email is sent from the second-factor page to its password (see the README, "Sessions").
  const session = await createSession({
    userId: row.userId,
    methods: ["magic_link"],
    meta: options.meta,
    // KNOWN_DEVICES_ONLY: the browser must prove itself first, as after a password.
    secondFactorPending: (await devicePolicyFor()).knownDevicesOnly || (await requiresSecondFactor(row.userId)),
  });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { action: "user.signed_in", userId: row.userId, details: signInDetails("magic_link", session.secondFactorPending), meta: options.meta }),
  );
  return { user: row.user, session };
}

/** Uses up a flow-bound link; returns the flow and its owner so the caller can complete that flow. */
export async function consumeFlowMagicLink(options: { token: string }) {
  const tokenHash = hashToken(options.token);
  const now = new Date();
  const { count } = await db.magicLinkToken.updateMany({
    where: { tokenHash, consumedAt: null, expiresAt: { gt: now }, flowExecutionId: { not: null } },
    data: { consumedAt: now },
  });
  if (count !== 1) return null;
  const row = await db.magicLinkToken.findUniqueOrThrow({ where: { tokenHash } });
  return { userId: row.userId, flowExecutionId: row.flowExecutionId as string };
}
