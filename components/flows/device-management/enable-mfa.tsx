"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserCapabilityFields } from "@/components/flows/browser-capability-fields";
import { useTranslations } from "use-intl";

/** Enable MFA: offered when the account's MFA is off; turning it on adds the first device. */
export function EnableMfaSection({
  flowId,
  notice,
  alert = null,
  companyName,
}: {
  flowId: string;
  notice: string | null;
  alert?: string | null;
  companyName: string;
}) {
  const t = useTranslations("devices.enableMfa");
  return (
    <section className="card stack" aria-labelledby="enable-mfa-heading">
      {notice && <Notice tone="success">{notice}</Notice>}
      {alert && <Notice tone="error">{alert}</Notice>}
      <h1 id="enable-mfa-heading">{t("heading")}</h1>
      <p>{t("body", { company: companyName })}</p>
      <p className="muted">{t("next")}</p>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(_state, pending) => (
          <div className="row">
            <BrowserCapabilityFields />
            <SubmitButton pending={pending} className="btn" name="type" value="ENABLE_MFA">
              {t("turnOn")}
            </SubmitButton>
            <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="SKIP">
              {t("notNow")}
            </SubmitButton>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
