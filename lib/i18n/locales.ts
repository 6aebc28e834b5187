/**
 * The languages the portal speaks. English is the source every message is written in; a locale is
 * added by adding its catalogue in ./messages (the type there makes every key required).
 */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** The cookie that carries a person's chosen language to every page without a database read. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** "fr-CA" → "fr"; anything else we do not speak → null. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : null;
}
