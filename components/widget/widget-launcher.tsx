"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { FlowHost } from "@/components/flows/flow-host";
import { PostResult } from "@/components/widget/post-result";
import { Notice } from "@/components/ui/notice";
import type { ClientDoorView, FlowAnswer } from "@/lib/flows/client-door";
import type { WidgetFrameMessage, WidgetInitMessage } from "@/lib/widget/widget-params";
import "./widget.css";

type Launch =
  | { step: "waiting" }
  | { step: "running"; view: ClientDoorView; widgetSession?: string }
  | { step: "failed"; code: string; message: string };

/** Why the start was refused, as the host's onError reads it (the flow's own errors come as its result). */
function errorCodeFor(status: number) {
  if (status === 401) return "TOKEN_INVALID";
  if (status === 403) return "ORIGIN_NOT_ALLOWED";
  return "WIDGET_ERROR";
}

function isInit(data: unknown): data is WidgetInitMessage {
  if (!data || typeof data !== "object") return false;
  const message = data as Record<string, unknown>;
  const optionalText = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.length <= 200);
  return message.source === "mfa-widget-host" && message.type === "init" && optionalText(message.token) && optionalText(message.username);
}

/**
 * The widget's first moments inside the host's iframe. It tells the host it is ready (posted only to
 * the host origin the server checked), takes the host's answer only from that origin and from its
 * parent window, and starts the flow with what the answer holds: a widget token, or the username a
 * same-site host expects. So neither ever appears in the iframe's URL. It then keeps the host told of
 * its content's height, so the iframe fits it.
 */
export function WidgetLauncher({ flow, parentOrigin, companyName }: { flow: string; parentOrigin: string; companyName: string }) {
  const t = useTranslations("widget");
  const unreachable = t("unreachable");
  const [launch, setLaunch] = useState<Launch>({ step: "waiting" });
  const started = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  const start = useCallback(
    async (init: { token?: string | null; username?: string | null }) => {
      if (started.current) return;
      started.current = true;
      try {
        const response = await fetch("/api/widget/flows", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ flow, parentOrigin, ...(init.token ? { token: init.token } : {}), ...(init.username ? { username: init.username } : {}) }),
          cache: "no-store",
        });
        const answer = (await response.json()) as FlowAnswer;
        if (answer.status === "success" && "view" in answer) setLaunch({ step: "running", view: answer.view, widgetSession: answer.widgetSession });
        else setLaunch({ step: "failed", code: errorCodeFor(response.status), message: answer.status === "error" ? answer.message : unreachable });
      } catch {
        setLaunch({ step: "failed", code: "WIDGET_ERROR", message: unreachable });
      }
    },
    [flow, parentOrigin, unreachable],
  );

  useEffect(() => {
    // Opened on its own (not framed): nothing to wait for, the portal's session decides.
    if (window.parent === window) {
      void start({});
      return;
    }
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== parentOrigin || !isInit(event.data)) return;
      void start(event.data);
    };
    window.addEventListener("message", onMessage);
    const ready: WidgetFrameMessage = { source: "mfa-widget", type: "ready" };
    window.parent.postMessage(ready, parentOrigin);
    return () => window.removeEventListener("message", onMessage);
  }, [parentOrigin, start]);

  // The page's height, whenever it changes, for the host to size the iframe (widget.css lets the page
  // be as short as its content, so it can shrink as well as grow).
  useEffect(() => {
    const page = box.current?.closest("main");
    if (!page || window.parent === window || typeof ResizeObserver === "undefined") return;
    let last = 0;
    const report = () => {
      const height = Math.ceil(page.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: WidgetFrameMessage = { source: "mfa-widget", type: "resize", height };
      window.parent.postMessage(message, parentOrigin);
    };
    const observer = new ResizeObserver(report);
    observer.observe(page);
    report();
    return () => observer.disconnect();
  }, [parentOrigin]);

  return (
    <div ref={box}>
      {launch.step === "waiting" && (
        <p className="muted" role="status">
          {t("opening")}
        </p>
      )}
      {launch.step === "running" && (
        <FlowHost mode="widget" initial={launch.view} parentOrigin={parentOrigin} companyName={companyName} widgetSession={launch.widgetSession} />
      )}
      {launch.step === "failed" && (
        <>
          <PostResult
            parentOrigin={parentOrigin}
            message={{ source: "mfa-widget", type: "result", flowId: null, status: "error", result: { ciam_errorCode: launch.code, ciam_errorMessage: launch.message } }}
          />
          <Notice tone="error">{launch.message}</Notice>
        </>
      )}
    </div>
  );
}
