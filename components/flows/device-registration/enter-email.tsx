"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";

/** User selected email, and the account's address is already a device (or unknown): ask for one. */
export function EnterEmailSection({ flowId, canCancel }: { flowId: string; canCancel: boolean }) {
  const t = useTranslations("registration.email");
  return (
    <section className="card stack" aria-labelledby="email-heading">
      <h1 id="email-heading">{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <Field label={t("field")} name="email" type="email" autoComplete="email" required errors={state.fieldErrors?.email} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_EMAIL">
                {t("send")}
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
