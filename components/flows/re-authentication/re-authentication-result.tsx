"use client";

import { useEffect } from "react";
import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The end of "Confirm it's you" reached without this page's own event (a push approved on the phone,
 * a link confirmed in another tab): go back as the flow door would have sent us.
 */
export function ConfirmedSection({ returnTo }: { returnTo: string }) {
  const t = useTranslations("authentication.result");
  const target = safeReturnPath(returnTo);
  useEffect(() => {
    window.location.assign(target);
  }, [target]);
  return (
    <section className="card stack" aria-labelledby="confirmed-heading">
      <h1 id="confirmed-heading">{t("confirmed")}</h1>
      <p className="muted" role="status">
        {t("takingYouBack")} <a href={target}>{t("continue")}</a>
      </p>
    </section>
  );
}

/** Nothing was proved: why, and a way to try again or to go back with nothing changed. */
export function NotConfirmedSection({ flowId, alert, returnTo }: { flowId: string; alert: string; returnTo: string }) {
  const t = useTranslations("authentication.result");
  return (
    <section className="card stack" aria-labelledby="not-confirmed-heading">
      <h1 id="not-confirmed-heading">{t("notConfirmedHeading")}</h1>
      <FocusedNotice tone="warning" message={alert} />
      <FlowForm flowId={flowId} label={t("tryAgainLabel")}>
        {(_state, pending) => (
          <div className="spread">
            <SubmitButton pending={pending} className="btn" name="type" value="RETRY">
              {t("tryAgain")}
            </SubmitButton>
            <a href={returnTo}>{t("goBack")}</a>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
