"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { useFlowLive } from "@/components/flows/use-flow-live";
import { LinkActions } from "@/components/flows/link-actions";

/**
 * Call magic link authentication: wait while the person opens the emailed link. The flow's live
 * channel says when the link was confirmed (on any instance), and the page moves on by itself.
 */
export function MagicLinkWaitSection({ flowId, actions }: { flowId: string; actions: string[] }) {
  useFlowLive(flowId);
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
