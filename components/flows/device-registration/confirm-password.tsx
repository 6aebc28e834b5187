"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { SubmitButton } from "@/components/ui/submit-button";

/** A sign-in older than the policy's window must be confirmed before a device is added. */
export function ConfirmPasswordSection({ flowId, canCancel }: { flowId: string; canCancel: boolean }) {
  return (
    <section className="card stack" aria-labelledby="confirm-heading">
      <h1 id="confirm-heading">Confirm it&apos;s you</h1>
      <p className="muted">You signed in a while ago. Enter your password to continue with this change to your account.</p>
      <FlowForm flowId={flowId} label="Confirm your password">
        {(state, pending) => (
          <>
            <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="CONFIRM_PASSWORD">
                Confirm
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} back={false} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
