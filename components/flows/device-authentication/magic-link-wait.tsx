"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { FlowForm } from "@/components/flows/flow-form";

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
            <div className="row">
              {actions.includes("CHANGE_DEVICE") && (
                <button className="btn btn-link" type="submit" name="type" value="CHANGE_DEVICE" disabled={pending}>
                  Use a device instead
                </button>
              )}
              {actions.includes("CANCEL") && (
                <button className="btn btn-link" type="submit" name="type" value="CANCEL" disabled={pending}>
                  Cancel
                </button>
              )}
            </div>
          )}
        </FlowForm>
      )}
    </section>
  );
}
