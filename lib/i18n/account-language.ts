import "server-only";
import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { LOCALE_COOKIE, supportedLocale, type Locale } from "@/lib/i18n/locales";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * A person's language lives in two places: a cookie, so every page knows it without a database read,
 * and their account, so another browser and an email sent on someone else's action (an
 * administrator's) use it too. The account page writes both; a sign-in copies the account's into the
 * browser.
 */
export async function writeLanguageCookie(locale: Locale | null) {
  const jar = await cookies();
  if (locale === null) jar.delete(LOCALE_COOKIE);
  else jar.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: YEAR_SECONDS, secure: config().appUrl.startsWith("https://") });
}

export async function saveAccountLanguage(userId: string, locale: Locale | null) {
  await db.user.updateMany({ where: { id: userId }, data: { locale } });
}

/** At sign-in: the account's chosen language becomes this browser's (a browser with none keeps following its own list). */
export async function restoreAccountLanguage(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  const locale = supportedLocale(user?.locale);
  if (locale) await writeLanguageCookie(locale);
}

/** The language to write to a person in when they are not the one asking: their choice, else English. */
export async function accountLanguage(userId: string): Promise<Locale | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return supportedLocale(user?.locale);
}
