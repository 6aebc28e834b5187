"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/require-user";
import { requestMeta } from "@/lib/auth/request-meta";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/sign-out-sessions";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments } from "@/lib/actions/action-arguments";
import { signOutSessionSchema } from "@/lib/validations/sessions";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * "Sign out" beside another session. A public POST endpoint like every action: the caller's own live,
 * complete session is checked here, and the session to end is found by its id AND this user
 * (lib/auth/sign-out-sessions.ts), so another user's session id ends nothing.
 */
export async function signOutSessionAction(data: unknown, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  const form = formDataArgument(data);
  const locale = await requestLocale();
  const parsed = signOutSessionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const session = await requireUser();
    const { parts } = await signOutSession({ userId: session.user.id, currentSessionId: session.id, sessionId: parsed.data.sessionId, meta: await requestMeta() });
    revalidatePath("/sessions");
    const t = translatorFor(locale, "sessions");
    // Named as the list names it ("Chrome on Windows"), in the reader's language.
    const name = parts.browser && parts.system ? t("name.both", { browser: parts.browser, system: parts.system }) : (parts.browser ?? parts.system);
    return { status: "success", message: name ? t("answer.signedOut", { browser: name }) : t("answer.signedOutSession") };
  } catch (error) {
    return failure(error, locale);
  }
}

/** "Sign out all other sessions": every session of this user but the one asking. */
export async function signOutOtherSessionsAction(data: unknown, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  formDataArgument(data);
  const locale = await requestLocale();
  try {
    const session = await requireUser();
    const { sessionsEnded } = await signOutOtherSessions({ userId: session.user.id, currentSessionId: session.id, meta: await requestMeta() });
    revalidatePath("/sessions");
    const t = translatorFor(locale, "sessions");
    return { status: "success", message: sessionsEnded === 0 ? t("answer.noOthers") : t("answer.signedOutOthers", { count: sessionsEnded }) };
  } catch (error) {
    return failure(error, locale);
  }
}
