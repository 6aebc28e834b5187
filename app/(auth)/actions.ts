"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { checkSignUp, registerAccount } from "@/lib/auth/register-account";
import { confirmEmailVerification, requestEmailVerification } from "@/lib/auth/email-verification";
import { limitEmailRequest } from "@/lib/rate-limit/limits";
import { consumeFlowMagicLink, requestMagicLink } from "@/lib/auth/magic-link";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { PASSKEY_BINDING_COOKIE } from "@/lib/auth/passkey-binding";
import { randomToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { confirmFlowByLink } from "@/lib/flows/flow-executions";
import { generateAuthenticationOptionsForUser } from "@/lib/webauthn/generate-authentication-options";
import { requestMeta } from "@/lib/auth/request-meta";
import { currentSession } from "@/lib/auth/require-user";
import { revokeSession } from "@/lib/auth/sessions";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments, stringArgument } from "@/lib/actions/action-arguments";
import { WeakPasswordError } from "@/lib/auth/password-strength";
import { translate } from "@/lib/i18n/text";
import type { Locale } from "@/lib/i18n/locales";
import { magicLinkRequestSchema, magicLinkTokenSchema, passwordResetSchema, signUpSchema } from "@/lib/validations/auth";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * Answers "check your email" whether or not the address already has an account, by message and by
 * time: the account (or the note to the existing owner) is made after the answer has gone, with
 * after() (security.md item 24).
 */
export async function signUpAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const parsed = signUpSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const signUp = { ...parsed.data, meta: await requestMeta() };
    await checkSignUp(signUp);
    after(() => registerAccount(signUp).catch((error: unknown) => console.error("sign-up failed after answering", error)));
    return { status: "success", message: translatorFor(locale, "signIn")("signUp.checkEmail", { email: parsed.data.email }) };
  } catch (error) {
    return refusal(error, locale);
  }
}

/** failure(), with a refused password's reason on its field in the reader's language too. */
function refusal(error: unknown, locale: Locale): ActionResult {
  const result = failure(error, locale);
  if (error instanceof WeakPasswordError) return { ...result, fieldErrors: { ...result.fieldErrors, password: [translate(locale, error.weakness)] } };
  return result;
}

/** Same answer, in the same time, whether or not the account exists (security.md item 24). */
export async function requestMagicLinkAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(formData, requestMagicLink, "magicLink.answer");
}

/** "Forgot password?": the same answer, in the same time, whether or not the account exists (security.md item 24). */
export async function requestPasswordResetAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(
    formData,
    requestPasswordReset,
    "forgot.answer",
    "password-reset",
  );
}

/**
 * The reset page's POST, the only request that spends the link (a GET of the link changes nothing). A
 * guessable password is refused with the link still usable; afterwards every session has ended and the
 * person signs in again with the new password.
 */
export async function resetPasswordAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "signIn");
  const parsed = passwordResetSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) {
    const { fieldErrors } = invalid(parsed.error, locale);
    // A token that is not even the right shape is an unusable link, not a field the person can correct.
    if (fieldErrors?.token) return { status: "error", message: t("reset.linkUnusable") };
    return invalid(parsed.error, locale);
  }
  try {
    const reset = await resetPassword({ ...parsed.data, meta: await requestMeta() });
    if (!reset) return { status: "error", message: t("reset.linkUnusable") };
    return { status: "success", message: t("reset.changed") };
  } catch (error) {
    return refusal(error, locale);
  }
}

/** A new confirmation link for an account that is not confirmed yet; the same answer in every case. */
export async function requestEmailVerificationAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(formData, requestEmailVerification, "verifyEmail.resendAnswer");
}

/**
 * Every "email me a link" request: limited per client address and per email, answered at once with the
 * same words whether or not the account exists, and the email made after the answer has gone, so
 * neither the message nor the time tells (security.md items 24 and 26).
 */
async function answerThenEmail(
  formData: FormData,
  send: (request: { email: string; meta: RequestMeta }) => Promise<void>,
  answer: "magicLink.answer" | "forgot.answer" | "verifyEmail.resendAnswer",
  kind: "email-link" | "password-reset" = "email-link",
): Promise<ActionResult> {
  const locale = await requestLocale();
  const parsed = magicLinkRequestSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const request = { email: parsed.data.email, meta: await requestMeta() };
    await limitEmailRequest({ kind, email: request.email, ip: request.meta.ip ?? null });
    after(() => send(request).catch((error: unknown) => console.error(`${send.name} failed after answering`, error)));
    return { status: "success", message: translatorFor(locale, "signIn")(answer) };
  } catch (error) {
    return failure(error, locale);
  }
}

/** The "Confirm my email" button: the POST that uses the link up, never the GET a scanner makes. */
export async function confirmEmailAction(token: string): Promise<ActionResult> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "signIn");
  const expired = { status: "error", message: t("verifyEmail.expired") } as const;
  const parsed = magicLinkTokenSchema.safeParse({ token });
  if (!parsed.success) return expired;
  try {
    const confirmed = await confirmEmailVerification({ token: parsed.data.token, meta: await requestMeta() });
    return confirmed ? { status: "success", message: t("verifyEmail.confirmed") } : expired;
  } catch (error) {
    return failure(error, locale);
  }
}

/**
 * Options for signing in with a passkey from the sign-in page. No user is known yet, so the challenge is
 * bound to a random id in a short-lived http-only cookie that the passkey provider reads back.
 */
export async function passkeySignInOptionsAction(...args: unknown[]) {
  noArguments(args);
  const binding = `passkey:${randomToken()}`;
  (await cookies()).set(PASSKEY_BINDING_COOKIE, binding, { httpOnly: true, sameSite: "strict", path: "/", maxAge: 300, secure: config().appUrl.startsWith("https://") });
  return generateAuthenticationOptionsForUser({ userId: null, flowExecutionId: binding });
}

/** The click on a flow-bound magic link: completes the waiting sign-in in the window that asked for it. */
export async function confirmFlowMagicLinkAction(token: string, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "signIn");
  const parsed = magicLinkTokenSchema.safeParse({ token: stringArgument(token) });
  if (!parsed.success) return { status: "error", message: t("magicLink.expired") };
  try {
    const link = await consumeFlowMagicLink({ token: parsed.data.token });
    if (!link) return { status: "error", message: t("magicLink.expired") };
    await confirmFlowByLink({ flowId: link.flowExecutionId, userId: link.userId, meta: await requestMeta() });
    return { status: "success", message: t("magicLink.confirmed") };
  } catch (error) {
    return failure(error, locale);
  }
}

/**
 * Sign-out as a plain form post: the session row is revoked (so a copied cookie stops working too) and
 * the cookie cleared. No next-auth/react in the browser for it: that client library was 9 kB of
 * first-load JS on every portal page for this one button. Server actions check the Origin themselves.
 */
export async function signOutAction(_formData: unknown, ...extra: unknown[]): Promise<never> {
  // A <form action> passes its FormData; nothing in it is read.
  noArguments(extra);
  const session = await currentSession().catch(() => null);
  if (session) await revokeSession(session.id);
  await clearSessionCookie();
  redirect("/sign-in");
}
