"use server";

import { cookies } from "next/headers";
import { createAccount } from "@/lib/auth/create-account";
import { consumeFlowMagicLink, requestMagicLink } from "@/lib/auth/magic-link";
import { PASSKEY_BINDING_COOKIE } from "@/lib/auth/passkey-binding";
import { randomToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { confirmFlowByLink } from "@/lib/flows/flow-executions";
import { generateAuthenticationOptionsForUser } from "@/lib/webauthn/generate-authentication-options";
import { requestMeta } from "@/lib/auth/request-meta";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments, stringArgument } from "@/lib/actions/action-arguments";
import { magicLinkRequestSchema, magicLinkTokenSchema, signUpSchema } from "@/lib/validations/auth";

/** Creates the account; the form then signs in with the same credentials through next-auth. */
export async function signUpAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const parsed = signUpSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createAccount({ ...parsed.data, meta: await requestMeta() });
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}

/** Same answer whether or not the account exists (security.md item 24). */
export async function requestMagicLinkAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const parsed = magicLinkRequestSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await requestMagicLink({ email: parsed.data.email, meta: await requestMeta() });
    return { status: "success", message: "If an account exists for that email, a sign-in link is on its way. It works once." };
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
