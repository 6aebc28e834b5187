"use client";

import { useFlowLive } from "@/components/flows/use-flow-live";
import { OtherChoices } from "@/components/flows/device-authentication/other-choices";

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
      <OtherChoices flowId={flowId} actions={actions} changeLabel="Use a device instead" />
    </section>
  );
}
