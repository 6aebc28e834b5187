"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";
import { placed } from "@/components/i18n/placed";

/** Ask for OTP: enter the passcode, or resend it. */
export function AskForOtpSection({
  flowId,
  deviceType,
  maskedTarget,
  notice,
  canResend,
  canCancel,
}: {
  flowId: string;
  deviceType: "SMS" | "VOICE" | "EMAIL";
  maskedTarget: string;
  notice: string | null;
  canResend: boolean;
  canCancel: boolean;
}) {
  const t = useTranslations("registration.otp");
  return (
    <section className="card stack" aria-labelledby="otp-heading">
      <h1 id="otp-heading">{t("heading")}</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      <p>{placed((v) => t("sent", { how: deviceType, ...v }), { target: <strong>{maskedTarget}</strong> })}</p>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <Field
              label={t("code")}
              name="otp"
              data-autofocus
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={20}
              required
              errors={state.fieldErrors?.otp}
            />
            <div className="spread">
              <div className="row">
                <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_OTP">
                  {t("verify")}
                </SubmitButton>
                {canResend && (
                  <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="RESEND" formNoValidate>
                    {t("resend")}
                  </SubmitButton>
                )}
              </div>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
