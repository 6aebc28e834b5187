import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { hashPassword } from "@/lib/auth/password";
import { passwordWeakness, WeakPasswordError } from "@/lib/auth/password-strength";
import { sendEmailVerification } from "@/lib/auth/email-verification";
import { limitEmailRequest } from "@/lib/rate-limit/limits";
import { emailWords } from "@/lib/notify/email-words";
import { sendEmail } from "@/lib/notify/send-email";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

type SignUp = { name: string; email: string; password: string; meta: RequestMeta };

/**
 * What a sign-up can be refused for before it is answered: a guessable password (security.md item 27)
 * or too many sign-ups from this address or for this email (item 26). None of it depends on whether
 * the email already has an account, so the refusals reveal nothing (item 24).
 */
export async function checkSignUp(options: SignUp & { now?: Date }) {
  const weakness = passwordWeakness(options.password, [options.email, options.name]);
  if (weakness) throw new WeakPasswordError(weakness);
  await limitEmailRequest({ kind: "sign-up", email: options.email, ip: options.meta.ip ?? null, ...(options.now ? { now: options.now } : {}) });
}

/**
 * The work behind a sign-up, done after the answer has gone (the same answer on both paths):
 * a new address gets an account that cannot sign in until the emailed link confirms it (item 28);
 * an address that already has an account gets no second one, and its owner an email saying so.
 */
export async function registerAccount(options: SignUp) {
  const existing = await db.user.findUnique({ where: { email: options.email }, select: { id: true, email: true } });
  if (existing) {
    await notifyRepeatedSignUp({ userId: existing.id, email: existing.email, meta: options.meta });
    return { created: false as const };
  }
  const passwordHash = await hashPassword(options.password);
  let user;
  try {
    user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: options.name, email: options.email, passwordHash } });
      await recordAuditEvent(tx, { action: "user.signed_up", userId: created.id, meta: options.meta });
      return created;
    });
  } catch (error) {
    // Two sign-ups for one new address at once: the first one made the account.
    if ((error as { code?: unknown })?.code === "P2002") return { created: false as const };
    throw error;
  }
  await sendEmailVerification({ userId: user.id, meta: options.meta });
  return { created: true as const, userId: user.id };
}

async function notifyRepeatedSignUp(options: { userId: string; email: string; meta: RequestMeta }) {
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "user.sign_up_repeated", userId: options.userId, meta: options.meta }));
  const { companyName } = await currentBranding();
  const { appUrl } = config();
  await sendEmail({
    to: options.email,
    ...(await emailWords("signUpRepeated", { companyName, signInUrl: `${appUrl}/sign-in` }, options.meta.locale)),
  });
}
