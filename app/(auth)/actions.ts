"use server";

import { createAccount } from "@/lib/auth/create-account";
import { requestMagicLink } from "@/lib/auth/magic-link";
import { requestMeta } from "@/lib/auth/request-meta";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { magicLinkRequestSchema, signUpSchema } from "@/lib/validations/auth";

/** Creates the account; the form then signs in with the same credentials through next-auth. */
export async function signUpAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createAccount({ ...parsed.data, meta: await requestMeta() });
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}

/** Same answer whether or not the account exists (security.md item 24). */
export async function requestMagicLinkAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = magicLinkRequestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await requestMagicLink({ email: parsed.data.email, meta: await requestMeta() });
    return { status: "success", message: "If an account exists for that email, a sign-in link is on its way. It works once." };
  } catch (error) {
    return failure(error);
  }
}
