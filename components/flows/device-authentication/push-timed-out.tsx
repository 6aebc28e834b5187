"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { leaveLinks } from "@/components/flows/device-authentication/other-choices";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { SubmitButton } from "@/components/ui/submit-button";

/** Mobile app timed out: the phone did not answer in time; send another request, or confirm another way. */
export function PushTimedOutSection({ flowId, device, actions }: { flowId: string; device: DeviceChoice; actions: string[] }) {
  return (
    <section className="card stack" aria-labelledby="push-timeout-heading">
      <h1 id="push-timeout-heading">Your phone did not answer in time</h1>
      <p>
        The sign-in request to <strong>{device.nickname}</strong> has expired.
      </p>
      <FlowForm flowId={flowId} label="What next">
        {(_s, pending) => (
          <>
            <div className="row">
              {actions.includes("RETRY") && (
                <SubmitButton pending={pending} className="btn" name="type" value="RETRY">
                  Retry
                </SubmitButton>
              )}
              {actions.includes("USE_PASSCODE") && (
                <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="USE_PASSCODE">
                  Enter the code from the app instead
                </SubmitButton>
              )}
            </div>
            <LinkActions
              pending={pending}
              links={leaveLinks(actions)}
            />
          </>
        )}
      </FlowForm>
    </section>
  );
}
