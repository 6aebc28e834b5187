import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, supportedLocale, type Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";

/**
 * The language of the request being served: the person's choice (cookie, written when they save it on
 * the account page and at sign-in), else their browser's. No database read: every page calls this.
 */
export async function requestLocale(): Promise<Locale> {
  const [cookieStore, h] = await Promise.all([cookies(), headers()]);
  return negotiateLocale({ chosen: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get("accept-language") });
}

/** The language this browser's person chose, or null when they follow their browser's list. */
export async function chosenLocale(): Promise<Locale | null> {
  return supportedLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}
