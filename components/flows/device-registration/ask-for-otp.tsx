"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";

const sentBy = { SMS: "texted", VOICE: "are calling", EMAIL: "emailed" } as const;

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
  return (
    <section className="card stack" aria-labelledby="otp-heading">
      <h1 id="otp-heading">Enter your code</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      <p>
        We {sentBy[deviceType]} a code to <strong>{maskedTarget}</strong>. It works for a few minutes.
      </p>
      <FlowForm flowId={flowId} label="Verification code">
        {(state, pending) => (
          <>
            <Field
              label="Code"
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
                  Verify
                </SubmitButton>
                {canResend && (
                  <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="RESEND" formNoValidate>
                    Send a new code
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
