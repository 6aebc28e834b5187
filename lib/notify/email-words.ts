import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The language of an email: the one its sender gives (RequestMeta.locale, the language of the request
 * that causes it), else the current request's, else English (a script, a job, a unit test).
 */
export async function emailLocale(locale?: Locale): Promise<Locale> {
  if (locale) return locale;
  try {
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

type LinkEmail = "magicLink" | "flowMagicLink" | "emailVerification" | "passwordReset" | "signUpRepeated";

/** The subject and body of one of the emails that carry a link (lib/i18n/messages/en/emails.ts), in the reader's language. */
export async function emailWords(kind: LinkEmail, values: Record<string, string | number>, locale?: Locale): Promise<{ subject: string; text: string }> {
  const t = translatorFor(await emailLocale(locale), "emails") as unknown as (key: string, values: Record<string, string | number>) => string;
  return { subject: t(`${kind}.subject`, values), text: t(`${kind}.body`, values) };
}
