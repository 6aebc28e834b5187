"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";

/** Call magic link authentication: wait, polling, while the person opens the emailed link. */
export function MagicLinkWaitSection({ flowId, actions, signingIn }: { flowId: string; actions: string[]; signingIn: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), 3000);
    return () => window.clearInterval(timer);
  }, [router]);
  return (
    <section className="card stack" aria-labelledby="link-heading" aria-busy="true">
      <h1 id="link-heading">Check your email</h1>
      <p>We emailed you a link. Open it and confirm, on this device or another: this page continues by itself.</p>
      {(actions.includes("CHANGE_DEVICE") || actions.includes("CANCEL")) && (
        <FlowForm flowId={flowId} label="Other choices" signingIn={signingIn}>
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
