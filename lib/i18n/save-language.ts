"use server";

import { cookies, headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/action-result";
import { currentSession } from "@/lib/auth/require-user";
import { saveAccountLanguage, writeLanguageCookie } from "@/lib/i18n/account-language";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * Keeps a person's language in this browser and, when they are signed in, on their account: a chosen
 * locale, or "" to follow the browser's own list again. The answer is in the language just chosen; the
 * page re-renders in it, as a server action that sets a cookie refreshes the route.
 */
export async function saveLanguage(_prev: ActionResult, data: FormData): Promise<ActionResult> {
  const chosen = data.get("locale");
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const acceptLanguage = h.get("accept-language");
  if (chosen !== "" && !isLocale(chosen)) {
    return { status: "error", message: translatorFor(negotiateLocale({ chosen: jar.get(LOCALE_COOKIE)?.value, acceptLanguage }), "language")("invalid") };
  }
  const locale = chosen === "" ? null : chosen;
  await writeLanguageCookie(locale);
  const session = await currentSession();
  if (session && !session.secondFactorPending) await saveAccountLanguage(session.userId, locale);
  return { status: "success", message: translatorFor(negotiateLocale({ chosen: chosen || null, acceptLanguage }), "language")("saved") };
}
