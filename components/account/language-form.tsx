"use client";

import { useTranslations } from "use-intl";
import { ClientForm } from "@/components/ui/client-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { saveLanguage } from "@/lib/i18n/save-language";

/** The account page's language choice: one of ours, or whatever the browser asks for. */
export function LanguageForm({ chosen }: { chosen: Locale | null }) {
  const t = useTranslations("language");
  const { state, pending, onSubmit } = useKeptFormAction(saveLanguage);
  return (
    <section className="card stack" aria-labelledby="language-heading">
      <div>
        <h2 id="language-heading">{t("heading")}</h2>
        <p className="muted">{t("description")}</p>
      </div>
      {state.message && <FocusedNotice tone={state.status === "error" ? "error" : "success"} message={state.message} focusKey={state} />}
      <ClientForm onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="language-locale">{t("label")}</label>
          <select id="language-locale" name="locale" defaultValue={chosen ?? ""}>
            <option value="">{t("browser")}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
        </div>
        <button className="btn" type="submit" disabled={pending} aria-busy={pending}>
          {t("save")}
        </button>
      </ClientForm>
    </section>
  );
}
