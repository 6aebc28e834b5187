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
import { magicLinkRequestSchema, magicLinkTokenSchema, passwordResetSchema, signUpSchema } from "@/lib/validations/auth";

/**
 * Answers "check your email" whether or not the address already has an account, by message and by
 * time: the account (or the note to the existing owner) is made after the answer has gone, with
 * after() (security.md item 24).
 */
export async function signUpAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const parsed = signUpSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const signUp = { ...parsed.data, meta: await requestMeta() };
    await checkSignUp(signUp);
    after(() => registerAccount(signUp).catch((error: unknown) => console.error("sign-up failed after answering", error)));
    return { status: "success", message: `Check your email: we sent a message to ${parsed.data.email}. Open the link in it to confirm your address, then sign in.` };
  } catch (error) {
    return failure(error);
  }
}

/** Same answer, in the same time, whether or not the account exists (security.md item 24). */
export async function requestMagicLinkAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(formData, requestMagicLink, "If an account exists for that email, a sign-in link is on its way. It works once.");
}

/** "Forgot password?": the same answer, in the same time, whether or not the account exists (security.md item 24). */
export async function requestPasswordResetAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(
    formData,
    requestPasswordReset,
    "If an account exists for that email, a link to reset its password is on its way. It works once, for a short time.",
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
  const parsed = passwordResetSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) {
    const { fieldErrors } = invalid(parsed.error);
    // A token that is not even the right shape is an unusable link, not a field the person can correct.
    if (fieldErrors?.token) return { status: "error", message: RESET_LINK_UNUSABLE };
    return invalid(parsed.error);
  }
  try {
    const reset = await resetPassword({ ...parsed.data, meta: await requestMeta() });
    if (!reset) return { status: "error", message: RESET_LINK_UNUSABLE };
    return { status: "success", message: "Your password is changed and every session of your account is signed out. Sign in with your new password." };
  } catch (error) {
    return failure(error);
  }
}

const RESET_LINK_UNUSABLE = "This link has expired or was already used. Ask for a new one.";

/** A new confirmation link for an account that is not confirmed yet; the same answer in every case. */
export async function requestEmailVerificationAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return answerThenEmail(formData, requestEmailVerification, "If that account still needs confirming, a new confirmation link is on its way.");
}

/**
 * Every "email me a link" request: limited per client address and per email, answered at once with the
 * same words whether or not the account exists, and the email made after the answer has gone, so
 * neither the message nor the time tells (security.md items 24 and 26).
 */
async function answerThenEmail(
  formData: FormData,
  send: (request: { email: string; meta: RequestMeta }) => Promise<void>,
  answer: string,
  kind: "email-link" | "password-reset" = "email-link",
): Promise<ActionResult> {
  const parsed = magicLinkRequestSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const request = { email: parsed.data.email, meta: await requestMeta() };
    await limitEmailRequest({ kind, email: request.email, ip: request.meta.ip ?? null });
    after(() => send(request).catch((error: unknown) => console.error(`${send.name} failed after answering`, error)));
    return { status: "success", message: answer };
  } catch (error) {
    return failure(error);
  }
}

/** The "Confirm my email" button: the POST that uses the link up, never the GET a scanner makes. */
export async function confirmEmailAction(token: string): Promise<ActionResult> {
  const expired = { status: "error", message: "This link has expired or was already used. Sign in to ask for a new one." } as const;
  const parsed = magicLinkTokenSchema.safeParse({ token });
  if (!parsed.success) return expired;
  try {
    const confirmed = await confirmEmailVerification({ token: parsed.data.token, meta: await requestMeta() });
    return confirmed ? { status: "success", message: "Your email address is confirmed. You can sign in now." } : expired;
  } catch (error) {
    return failure(error);
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
  const parsed = magicLinkTokenSchema.safeParse({ token: stringArgument(token) });
  if (!parsed.success) return { status: "error", message: "This link has expired or was already used." };
  try {
    const link = await consumeFlowMagicLink({ token: parsed.data.token });
    if (!link) return { status: "error", message: "This link has expired or was already used." };
    await confirmFlowByLink({ flowId: link.flowExecutionId, userId: link.userId, meta: await requestMeta() });
    return { status: "success", message: "Confirmed. Go back to the window where you were signing in: it continues by itself." };
  } catch (error) {
    return failure(error);
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
