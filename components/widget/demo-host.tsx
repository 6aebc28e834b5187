"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { placed } from "@/components/i18n/placed";

type Widget = { open: (options: Record<string, unknown>) => { close: () => void } };

/** A host page's use of widget.js, as a customer's site would write it. */
export function DemoHost({ username }: { username: string }) {
  const t = useTranslations("widget.demo");
  const container = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<"none" | "success" | "cancelled" | "error">("none");

  useEffect(() => {
    let handle: { close: () => void } | undefined;
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.onload = () => {
      const widget = (window as unknown as { MfaWidget: Widget }).MfaWidget;
      handle = widget.open({
        container: container.current,
        flow: "device-management",
        username,
        onSuccess: (r: unknown) => {
          setOutcome("success");
          setResult(JSON.stringify(r));
        },
        onCancel: (r: unknown) => {
          setOutcome("cancelled");
          setResult(JSON.stringify(r));
        },
        onError: (r: unknown) => {
          setOutcome("error");
          setResult(JSON.stringify(r));
        },
      });
    };
    document.body.appendChild(script);
    return () => {
      handle?.close();
      script.remove();
    };
  }, [username]);

  return (
    <div className="stack">
      <div ref={container} className="card" style={{ padding: 0, overflow: "hidden" }} />
      <section className="card" aria-labelledby="result-heading">
        <h2 id="result-heading">{t("heading")}</h2>
        <p className="small muted">{placed((v) => t("outcome", v), { value: <span data-testid="widget-outcome">{outcome}</span> })}</p>
        <pre className="message" data-testid="widget-result" aria-live="polite">
          {result ?? t("noResult")}
        </pre>
      </section>
    </div>
  );
}
