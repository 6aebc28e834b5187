import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locales";
import { admin } from "@/lib/i18n/messages/en/admin";
import { translate, type MessageKey } from "@/lib/i18n/text";

/**
 * The console's form checks (lib/validations: the users' search, the lock's date, branding, the
 * applications' and origins' fields) are zod messages, strings written in English. Each one the
 * console shows has its words in the catalogue (admin.validation), under the very same English, so a
 * message found there is worded in the reader's language; one that is not stays as it is.
 */
const byEnglish = new Map<string, MessageKey>(Object.entries(admin.validation).map(([key, english]) => [english, `admin.validation.${key}` as MessageKey]));

export function consoleMessage(message: string, locale: Locale): string {
  const key = byEnglish.get(message);
  return key ? translate(locale, { key }) : message;
}

export function consoleFieldErrors(fieldErrors: Record<string, string[] | undefined> | undefined, locale: Locale) {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.map((m) => consoleMessage(m, locale))]));
}

/** An action's answer with its message and field errors in `locale`, where they are the console's own. */
export function inConsoleLanguage<T extends ActionResult>(result: T, locale: Locale): T {
  return {
    ...result,
    ...(result.message !== undefined ? { message: consoleMessage(result.message, locale) } : {}),
    ...(result.fieldErrors ? { fieldErrors: consoleFieldErrors(result.fieldErrors, locale) } : {}),
  };
}
