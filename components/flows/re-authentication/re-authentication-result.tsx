"use client";

import { useEffect } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The end of "Confirm it's you" reached without this page's own event (a push approved on the phone,
 * a link confirmed in another tab): go back as the flow door would have sent us.
 */
export function ConfirmedSection({ returnTo }: { returnTo: string }) {
  const target = safeReturnPath(returnTo);
  useEffect(() => {
    window.location.assign(target);
  }, [target]);
  return (
    <section className="card stack" aria-labelledby="confirmed-heading">
      <h1 id="confirmed-heading">Confirmed</h1>
      <p className="muted" role="status">
        Thanks. Taking you back… <a href={target}>Continue</a>
      </p>
    </section>
  );
}

/** Nothing was proved: why, and a way to try again or to go back with nothing changed. */
export function NotConfirmedSection({ flowId, alert, returnTo }: { flowId: string; alert: string; returnTo: string }) {
  return (
    <section className="card stack" aria-labelledby="not-confirmed-heading">
      <h1 id="not-confirmed-heading">Confirm it&apos;s you</h1>
      <FocusedNotice tone="warning" message={alert} />
      <FlowForm flowId={flowId} label="Try again">
        {(_state, pending) => (
          <div className="spread">
            <SubmitButton pending={pending} className="btn" name="type" value="RETRY">
              Try again
            </SubmitButton>
            <a href={returnTo}>Go back</a>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
