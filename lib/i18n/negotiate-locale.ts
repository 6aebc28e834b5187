import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, supportedLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language a person reads: the one they chose (carried by the locale cookie), else the first of
 * their browser's Accept-Language list that we speak (negotiator weighs the q-values and matches
 * "fr-CA" to "fr"), else English.
 */
export function negotiateLocale(options: { chosen?: string | null; acceptLanguage?: string | null }): Locale {
  const chosen = supportedLocale(options.chosen);
  if (chosen) return chosen;
  if (!options.acceptLanguage) return DEFAULT_LOCALE;
  const negotiator = new Negotiator({ headers: { "accept-language": options.acceptLanguage } });
  return supportedLocale(negotiator.language([...LOCALES])) ?? DEFAULT_LOCALE;
}
