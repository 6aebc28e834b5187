"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";

/** A sign-in older than the policy's window must be confirmed before a device is added. */
export function ConfirmPasswordSection({ flowId, canCancel }: { flowId: string; canCancel: boolean }) {
  const t = useTranslations("registration.confirm");
  return (
    <section className="card stack" aria-labelledby="confirm-heading">
      <h1 id="confirm-heading">{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <Field label={t("password")} name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="CONFIRM_PASSWORD">
                {t("submit")}
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} back={false} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
