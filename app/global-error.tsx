"use client";

import { useSyncExternalStore } from "react";
import { IntlProvider, useTranslations } from "use-intl";
import { ErrorPage } from "@/components/error-page";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { common as englishCommon } from "@/lib/i18n/messages/en/common";
import { common as frenchCommon } from "@/lib/i18n/messages/fr/common";
import "./globals.css";

const commonWords: Record<Locale, typeof englishCommon> = { en: englishCommon, fr: frenchCommon };
const subscribeToNothing = () => () => {};

/** The layout that chooses the language failed: the browser's own choice (the locale cookie, else its languages), English on the server. */
function browserLocale(): Locale {
  const chosen = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1);
  return negotiateLocale({ chosen, acceptLanguage: (navigator.languages ?? [navigator.language]).join(",") });
}

/** When the root layout itself fails: it replaces the whole document, so it brings its own html, styles and words. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore<Locale>(subscribeToNothing, browserLocale, () => "en");
  return (
    <html lang={locale}>
      <IntlProvider locale={locale} messages={{ common: commonWords[locale] }} timeZone="UTC">
        <GlobalErrorPage reset={reset} />
      </IntlProvider>
    </html>
  );
}

function GlobalErrorPage({ reset }: { reset: () => void }) {
  const t = useTranslations("common.errorPage");
  return (
    <>
      <head>
        <title>{t("title")}</title>
      </head>
      <body>
        <ErrorPage branding={null} title={t("title")}>
          <p>{t("body")}</p>
          <button className="btn" type="button" onClick={reset}>
            {t("tryAgain")}
          </button>
        </ErrorPage>
      </body>
    </>
  );
}
