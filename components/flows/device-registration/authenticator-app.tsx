"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";

/** Authenticator app: scan the QR code (or type the key), then prove it with the first code. */
export function AuthenticatorAppSection({
  flowId,
  qrDataUrl,
  secret,
  canCancel,
}: {
  flowId: string;
  qrDataUrl: string;
  secret: string;
  canCancel: boolean;
}) {
  const t = useTranslations("registration.totp");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <section className="card stack" aria-labelledby="totp-heading">
      <h1 id="totp-heading">{t("heading")}</h1>
      <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
        <li>{t("open")}</li>
        <li>
          {t("scan")}
          <br />
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={qrDataUrl} alt={t("qrAlt")} width={200} height={200} />
        </li>
        <li>
          {t("typeKey")}{" "}
          <code data-testid="totp-secret" aria-label={t("keyLabel")} style={{ fontSize: "1rem", letterSpacing: "0.05em" }}>
            {grouped}
          </code>
        </li>
        <li>{t("enterCode")}</li>
      </ol>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <Field label={t("code")} name="otp" autoComplete="one-time-code" inputMode="numeric" maxLength={20} required errors={state.fieldErrors?.otp} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_OTP">
                {t("verify")}
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
