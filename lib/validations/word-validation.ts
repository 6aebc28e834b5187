import { admin } from "@/lib/i18n/messages/en/admin";
import { errors } from "@/lib/i18n/messages/en/errors";
import type { Locale } from "@/lib/i18n/locales";
import { text, translate, type MessageKey } from "@/lib/i18n/text";

// The form checks' English words and their keys: the shared schemas' (errors.validation) and the admin
// console's own (admin.validation: users' search, lock date, branding, applications, audit filters).
const keyOfEnglish = new Map<string, MessageKey>([
  ...Object.entries(errors.validation).map(([key, english]) => [english, `errors.validation.${key}`] as [string, MessageKey]),
  ...Object.entries(admin.validation).map(([key, english]) => [english, `admin.validation.${key}`] as [string, MessageKey]),
]);

/**
 * `message` in `locale` when it is one of the form checks' English messages above (validation-messages.ts);
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
