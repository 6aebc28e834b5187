import { errors } from "@/lib/i18n/messages/en/errors";
import type { Locale } from "@/lib/i18n/locales";
import { text, translate, type MessageKey } from "@/lib/i18n/text";

const keyOfEnglish = new Map<string, MessageKey>(Object.entries(errors.validation).map(([key, english]) => [english, `errors.validation.${key}` as MessageKey]));

/**
 * `message` in `locale` when it is one of errors.validation's English messages (validation-messages.ts);
 * any other message as it is. lib/actions/action-result.ts words `invalid` and `failure` with it.
 */
export function wordValidationMessage(message: string, locale: Locale): string {
  const key = keyOfEnglish.get(message);
  return key && locale !== "en" ? translate(locale, text(key)) : message;
}

/** A form's field errors (zod's flattenError, an AppError's), each worded by wordValidationMessage. */
export function wordFieldErrors<E extends Record<string, string[] | undefined>>(fieldErrors: E, locale: Locale): E {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.map((m) => wordValidationMessage(m, locale))])) as E;
}
