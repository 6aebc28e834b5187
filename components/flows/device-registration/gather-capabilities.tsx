"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { sendAuthenticationEventAction, sendFlowEventAction } from "@/app/flow/actions";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * "Gather device types that user can register with": the browser's capabilities, asked without the
 * user doing anything (the source's hidden form), so only devices this browser can create are offered.
 */
export function GatherCapabilities({
  flowId,
  title = "Add a device",
  signingIn = false,
}: {
  flowId: string;
  title?: string;
  /** On the second-factor page the session is not complete yet, so events take that door. */
  signingIn?: boolean;
}) {
  const [state, dispatch] = useActionState(signingIn ? sendAuthenticationEventAction : sendFlowEventAction, { status: "idle" } as ActionResult);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void (async () => {
      const webauthn = typeof window.PublicKeyCredential === "function";
      const platformAuthenticator = webauthn
        ? await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false)
        : false;
      const data = new FormData();
      data.set("flowId", flowId);
      data.set("type", "BROWSER_CAPABILITIES");
      data.set("webauthn", String(webauthn));
      data.set("platformAuthenticator", String(platformAuthenticator));
      startTransition(() => dispatch(data));
    })();
  }, [flowId, dispatch]);
  return (
    <section className="card stack" aria-busy="true" aria-labelledby="gather-heading">
      <h1 id="gather-heading">{title}</h1>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : <p className="muted">Checking what this browser can do…</p>}
    </section>
  );
}
