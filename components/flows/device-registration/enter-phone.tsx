"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { useTranslations } from "use-intl";
import type { PhoneCountry } from "@/lib/phone/countries";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountryPicker } from "@/components/ui/country-picker";

/** User selected SMS (or voice): the number, with its country. */
export function EnterPhoneSection({
  flowId,
  deviceType,
  countries,
  canCancel,
}: {
  flowId: string;
  deviceType: "SMS" | "VOICE";
  countries: readonly PhoneCountry[];
  canCancel: boolean;
}) {
  const t = useTranslations("registration.phone");
  return (
    <section className="card stack" aria-labelledby="phone-heading">
      <h1 id="phone-heading">{deviceType === "SMS" ? t("headingSms") : t("headingVoice")}</h1>
      <Notice tone="warning">{t("restricted")}</Notice>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <CountryPicker countries={countries} name="country" label={t("country")} defaultCode="US" errors={state.fieldErrors?.country} />
            <Field label={t("number")} name="phone" type="tel" autoComplete="tel-national" inputMode="tel" required errors={state.fieldErrors?.phone} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_PHONE">
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
