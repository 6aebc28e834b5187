"use client";

import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { useLeaveLinks } from "@/components/flows/device-authentication/other-choices";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { SubmitButton } from "@/components/ui/submit-button";

/** Where the code comes from, by device type: its catalogue key (authentication.otp.*). */
const where = { SMS: "sms", VOICE: "voice", EMAIL: "email", TOTP: "totp", MOBILE: "mobile" } as const;

/**
 * Handle TOTP, SMS, voice and email OTP authentication: the code, resend, another device. The Mobile
 * passcode flow is the same form for the phone's passcode, with a new push request instead of a resend.
 */
export function OtpAuthenticationSection({
  flowId,
  device,
  notice,
  actions,
}: {
  flowId: string;
  device: DeviceChoice;
  notice: string | null;
  actions: string[];
}) {
  const t = useTranslations("authentication.otp");
  const leaveLinks = useLeaveLinks();
  const from = where[device.type as keyof typeof where];
  return (
    <section className="card stack" aria-labelledby="otp-auth-heading">
      <h1 id="otp-auth-heading">{t("heading")}</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      <p>{from && t(from, { target: device.maskedTarget ?? "", nickname: device.nickname })}</p>
      <FlowForm flowId={flowId} label={t("formLabel")}>
        {(state, pending) => (
          <>
            <Field label={t("code")} name="otp" data-autofocus autoComplete="one-time-code" inputMode="numeric" maxLength={20} required errors={state.fieldErrors?.otp} />
            <div className="spread">
              <div className="row">
                <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_OTP">
                  {t("verify")}
                </SubmitButton>
                {actions.includes("RESEND") && (
                  <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="RESEND" formNoValidate>
                    {t("resend")}
                  </SubmitButton>
                )}
              </div>
              <LinkActions
                pending={pending}
                links={[{ event: "RETRY", label: t("newPush"), show: actions.includes("RETRY") }, ...leaveLinks(actions)]}
              />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
