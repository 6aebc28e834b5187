"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserCapabilityFields } from "@/components/flows/browser-capability-fields";

/** Enable MFA: offered when the account's MFA is off; turning it on adds the first device. */
export function EnableMfaSection({
  flowId,
  notice,
  alert = null,
  companyName,
}: {
  flowId: string;
  notice: string | null;
  alert?: string | null;
  companyName: string;
}) {
  return (
    <section className="card stack" aria-labelledby="enable-mfa-heading">
      {notice && <Notice tone="success">{notice}</Notice>}
      {alert && <Notice tone="error">{alert}</Notice>}
      <h1 id="enable-mfa-heading">Turn on two-step verification</h1>
      <p>
        Protect your {companyName} account with a second step at sign-in: a passkey, a security key, an authenticator app or a
        code we send you. Someone who learns your password still cannot get in.
      </p>
      <p className="muted">Next you add your first device; two-step verification is on once it works.</p>
      <FlowForm flowId={flowId} label="Two-step verification">
        {(_state, pending) => (
          <div className="row">
            <BrowserCapabilityFields />
            <SubmitButton pending={pending} className="btn" name="type" value="ENABLE_MFA">
              Turn on two-step verification
            </SubmitButton>
            <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="SKIP">
              Not now
            </SubmitButton>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
