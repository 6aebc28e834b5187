"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { RESTRICTED_PHONE_NOTICE } from "@/lib/phone/restricted-notice";
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
  return (
    <section className="card stack" aria-labelledby="phone-heading">
      <h1 id="phone-heading">{deviceType === "SMS" ? "Get codes by text message" : "Get codes by voice call"}</h1>
      <Notice tone="warning">{RESTRICTED_PHONE_NOTICE}</Notice>
      <FlowForm flowId={flowId} label="Phone details">
        {(state, pending) => (
          <>
            <CountryPicker countries={countries} name="country" label="Country" defaultCode="US" errors={state.fieldErrors?.country} />
            <Field label="Phone number" name="phone" type="tel" autoComplete="tel-national" inputMode="tel" required errors={state.fieldErrors?.phone} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_PHONE">
                Send code
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
