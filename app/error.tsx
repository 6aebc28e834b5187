"use client";

import { useTranslations } from "use-intl";
import { ErrorPage } from "@/components/error-page";
import { useBranding } from "@/components/branding-context";

/**
 * Any failure while rendering a page. The error itself was logged on the server; in production the
 * browser gets only an opaque digest, and this page shows neither.
 */
export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errorPage");
  return (
    <ErrorPage branding={useBranding()} title={t("title")}>
      <p>{t("body")}</p>
      <div className="row">
        <button className="btn" type="button" onClick={reset}>
          {t("tryAgain")}
        </button>
        <a className="btn btn-secondary" href="/">
          {t("goToAccount")}
        </a>
      </div>
    </ErrorPage>
  );
}
