"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";

/** User selected email, and the account's address is already a device (or unknown): ask for one. */
export function EnterEmailSection({ flowId, canCancel }: { flowId: string; canCancel: boolean }) {
  return (
    <section className="card stack" aria-labelledby="email-heading">
      <h1 id="email-heading">Get codes by email</h1>
      <p className="muted">Codes will go to this address. Email is convenient, but a passkey or an authenticator app is stronger.</p>
      <FlowForm flowId={flowId} label="Email address">
        {(state, pending) => (
          <>
            <Field label="Email address" name="email" type="email" autoComplete="email" required errors={state.fieldErrors?.email} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="SUBMIT_EMAIL">
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
