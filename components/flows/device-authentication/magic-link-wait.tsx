"use client";

import { useEffect } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { useFlowPoll } from "@/components/flows/flow-door";
import { LinkActions } from "@/components/flows/link-actions";

/**
 * Call magic link authentication: wait while the person opens the emailed link, asking the flow door
 * for the flow's view every few seconds (GET /api/flows/[id]) instead of re-rendering the page.
 */
export function MagicLinkWaitSection({ flowId, actions }: { flowId: string; actions: string[] }) {
  const poll = useFlowPoll();
  useEffect(() => {
    const timer = window.setInterval(() => void poll(), 3000);
    return () => window.clearInterval(timer);
  }, [poll]);
  return (
    <section className="card stack" aria-labelledby="link-heading" aria-busy="true">
      <h1 id="link-heading">Check your email</h1>
      <p>We emailed you a link. Open it and confirm, on this device or another: this page continues by itself.</p>
      {(actions.includes("CHANGE_DEVICE") || actions.includes("CANCEL")) && (
        <FlowForm flowId={flowId} label="Other choices">
          {(_s, pending) => (
            <LinkActions
              pending={pending}
              links={[
                { event: "CHANGE_DEVICE", label: "Use a device instead", show: actions.includes("CHANGE_DEVICE") },
                { event: "CANCEL", label: "Cancel", show: actions.includes("CANCEL") },
              ]}
            />
          )}
        </FlowForm>
      )}
    </section>
  );
}
