"use client";

import { useTranslations } from "use-intl";
import { FocusedNotice } from "@/components/ui/focused-notice";
import type { ApplicationsResult } from "@/app/admin/applications/actions";
import { placed } from "@/components/i18n/placed";

/**
 * What an action answered, taking the focus: a success, or the refusal with, when the change needs a
 * fresh sign-in, the way to confirm it and come back here.
 */
export function ResultNotice({ result }: { result: ApplicationsResult }) {
  const t = useTranslations("admin.applications");
  if (result.status === "idle" || !result.message) return null;
  if (result.status === "success") return <FocusedNotice tone="success" message={result.message} focusKey={result} />;
  return (
    <FocusedNotice tone="error" message={result.message} focusKey={result}>
      {result.confirmPath && (
        <>
          {" "}
          {placed((v) => t("confirmThenRetry", v), { link: <a href={result.confirmPath}>{t("confirmLink")}</a> })}
        </>
      )}
    </FocusedNotice>
  );
}
