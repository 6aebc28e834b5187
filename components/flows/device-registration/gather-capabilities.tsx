"use client";

import { useEffect, useRef } from "react";
import { Notice } from "@/components/ui/notice";
import { useFlowEvent } from "@/components/flows/flow-door";
import { detectBrowserHint } from "@/lib/flows/browser-hint";
import { useTranslations } from "use-intl";

/**
 * "Gather device types that user can register with": the browser's capabilities, asked without the
 * user doing anything (the source's hidden form), so only devices this browser can create are offered.
 */
export function GatherCapabilities({
  flowId,
  title,
}: {
  flowId: string;
  /** The heading; "Add a device" when not given. */
  title?: string;
}) {
  const t = useTranslations("registration.gather");
  const { state, send } = useFlowEvent(flowId);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void (async () => {
      const { webauthn, platformAuthenticator } = await detectBrowserHint();
      await send({ type: "BROWSER_CAPABILITIES", webauthn: String(webauthn), platformAuthenticator: String(platformAuthenticator) });
    })();
  }, [send]);
  return (
    <section className="card stack" aria-busy="true" aria-labelledby="gather-heading">
      <h1 id="gather-heading">{title ?? t("title")}</h1>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : <p className="muted">{t("checking")}</p>}
    </section>
  );
}
