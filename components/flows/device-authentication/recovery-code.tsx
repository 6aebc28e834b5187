"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { leaveLinks } from "@/components/flows/device-authentication/other-choices";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * A recovery code instead of a device, at sign-in (issue 14): one of the ten codes saved when two-step
 * verification was set up. Without codes left, the section says so and offers the devices again.
 */
export function RecoveryCodeSection({ flowId, notice, left, actions }: { flowId: string; notice: string | null; left: number; actions: string[] }) {
  const canSubmit = actions.includes("SUBMIT_RECOVERY_CODE");
  return (
    <section className="card stack" aria-labelledby="recovery-code-heading">
      <h1 id="recovery-code-heading">Use a recovery code</h1>
      {notice && <Notice tone="warning">{notice}</Notice>}
      {canSubmit ? (
        <p>Enter one of the recovery codes you saved when you set up two-step verification. Each code works once.</p>
      ) : (
        <Notice tone="warning">You have no recovery codes left. Use one of your devices, or contact support for help.</Notice>
      )}
      <FlowForm flowId={flowId} label="Recovery code">
        {(state, pending) => (
          <>
            {canSubmit && (
              <Field
                label="Recovery code"
                name="code"
                hint={`For example ABCDE-FGHJK. You have ${left} ${left === 1 ? "code" : "codes"} left.`}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                required
                errors={state.fieldErrors?.code}
              />
            )}
            <div className="spread">
              {canSubmit && (
                <button className="btn" type="submit" name="type" value="SUBMIT_RECOVERY_CODE" disabled={pending}>
                  Verify
                </button>
              )}
              <LinkActions pending={pending} links={leaveLinks(actions, "Use a device instead")} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
