"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { leaveLinks } from "@/components/flows/device-authentication/other-choices";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { SubmitButton } from "@/components/ui/submit-button";

const where: Record<string, (d: DeviceChoice) => string> = {
  SMS: (d) => `We texted a code to ${d.maskedTarget}.`,
  VOICE: (d) => `We are calling ${d.maskedTarget} to read you a code.`,
  EMAIL: (d) => `We emailed a code to ${d.maskedTarget}.`,
  TOTP: (d) => `Enter the code from your authenticator app (${d.nickname}).`,
  MOBILE: (d) => `Enter the code the authenticator on your phone (${d.nickname}) shows.`,
};

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
  return (
    <section className="card stack" aria-labelledby="otp-auth-heading">
      <h1 id="otp-auth-heading">Enter your code</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      <p>{where[device.type]?.(device)}</p>
      <FlowForm flowId={flowId} label="Verification code">
        {(state, pending) => (
          <>
            <Field label="Code" name="otp" data-autofocus autoComplete="one-time-code" inputMode="numeric" maxLength={20} required errors={state.fieldErrors?.otp} />
            <div className="spread">
              <div className="row">
                <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_OTP">
                  Verify
                </SubmitButton>
                {actions.includes("RESEND") && (
                  <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="RESEND" formNoValidate>
                    Send a new code
                  </SubmitButton>
                )}
              </div>
              <LinkActions
                pending={pending}
                links={[{ event: "RETRY", label: "Send a new request to my phone", show: actions.includes("RETRY") }, ...leaveLinks(actions)]}
              />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
