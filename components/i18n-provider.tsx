"use client";

import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { Catalogue } from "@/lib/i18n/messages";

/**
 * Hands the request's language and its catalogue to client components (`useTranslations`). The root
 * layout chooses both on the server (lib/i18n/request-locale.ts), so the first paint is already in the
 * person's language.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Catalogue>; children: ReactNode }) {
  return (
    // Dates are not formatted through use-intl (LocalTime writes them in the browser, in the person's
    // zone): a fixed zone only keeps it from warning that server and browser zones may differ.
    <IntlProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
