import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { catalogue } from "@/lib/i18n/messages";

/**
 * Messages outside React (server components, emails, texts, calls): `t("key", { values })` in ICU
 * message format, so plurals and word order are each language's own.
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogue(locale), namespace });
}

export type Namespace = keyof ReturnType<typeof catalogue>;
