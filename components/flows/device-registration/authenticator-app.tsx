"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";

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
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <section className="card stack" aria-labelledby="totp-heading">
      <h1 id="totp-heading">Set up your authenticator app</h1>
      <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
        <li>Open your authenticator app and add an account.</li>
        <li>
          Scan this QR code:
          <br />
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={qrDataUrl} alt="QR code to add this account to your authenticator app" width={200} height={200} />
        </li>
        <li>
          Can&apos;t scan it? Enter this key instead:{" "}
          <code data-testid="totp-secret" aria-label="Setup key" style={{ fontSize: "1rem", letterSpacing: "0.05em" }}>
            {grouped}
          </code>
        </li>
        <li>Enter the six-digit code the app shows.</li>
      </ol>
      <FlowForm flowId={flowId} label="Authenticator code">
        {(state, pending) => (
          <>
            <Field label="Code from the app" name="otp" autoComplete="one-time-code" inputMode="numeric" maxLength={20} required errors={state.fieldErrors?.otp} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_OTP">
                Verify
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
