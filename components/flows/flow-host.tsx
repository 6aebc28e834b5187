"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { openLiveChannel } from "@/components/flows/live-channel";
import { FlowDoorContext, type FlowDoor } from "@/components/flows/flow-door";
import { FlowView } from "@/components/flows/flow-view";
import { AuthenticationView } from "@/components/flows/device-authentication/authentication-view";
import { WidgetResult } from "@/components/widget/widget-result";
import { Notice } from "@/components/ui/notice";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ClientDoorView, FlowAnswer } from "@/lib/flows/client-door";

/** A promise that never settles: the page is leaving, so the form that asked stays pending. */
const leaving = () => new Promise<never>(() => {});

/**
 * The one place on a page that holds a running flow's current view (issue 8). Sections send their
 * events through it (FlowForm, useFlowEvent); each answer is the next view, put into state here, so a
 * user action costs one request and re-renders only the flow, never the page. An answer that says
 * where to go (a finished sign-in, a finished device flow in the portal) is followed with a normal
 * navigation.
 *
 * `sign-in`: the second-factor page, whose finished flow becomes the complete session;
 * `portal` and `widget`: device management, the widget handing its result to the host page.
 */
export function FlowHost({
  initial,
  mode,
  companyName,
  returnTo,
  parentOrigin,
  widgetSession,
  beforeLeaving,
  recovered = null,
}: {
  initial: ClientDoorView;
  mode: "sign-in" | "portal" | "widget";
  companyName: string;
  returnTo?: string;
  parentOrigin?: string;
  /**
   * The widget session's credential (lib/widget/widget-session.ts), when a widget token opened the
   * flow: sent with every request instead of the cookie that never reaches a frame on another site.
   * Kept in memory only, and replaced when an answer brings a new one (a step-up).
   */
  widgetSession?: string;
  /** Sign-in: runs once the complete session's cookie is set, before the page leaves ("Remember this browser"). */
  beforeLeaving?: () => Promise<void>;
  /** Portal: the device list's notice after a sign-in with a recovery code, shown on the first section only. */
  recovered?: string | null;
}) {
  const t = useTranslations("flows");
  const unreachable = t("unreachable");
  const [view, setView] = useState(initial);
  const [signInFailed, setSignInFailed] = useState(false);
  const flowId = useRef(view.flow.id);
  flowId.current = view.flow.id;
  const credential = useRef(widgetSession);
  const authorization = useCallback(
    (): Record<string, string> => (credential.current ? { Authorization: `Bearer ${credential.current}` } : {}),
    [],
  );
  // Where a finished sign-in, or a finished "Confirm it's you" in the portal, goes next.
  const query = returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : "";

  const leaveFor = useCallback(
    async (redirectTo: string) => {
      if (beforeLeaving) await beforeLeaving().catch(() => undefined);
      window.location.assign(safeReturnPath(redirectTo, { origin: window.location.origin }));
    },
    [beforeLeaving],
  );

  const take = useCallback(
    (answer: FlowAnswer): Promise<ActionResult> | ActionResult => {
      if (answer.status === "error") return { status: "error", message: answer.message, fieldErrors: answer.fieldErrors };
      if ("redirectTo" in answer) {
        void leaveFor(answer.redirectTo);
        return leaving();
      }
      if (answer.widgetSession) credential.current = answer.widgetSession;
      setView(answer.view);
      return { status: "success" };
    },
    [leaveFor],
  );

  const door = useMemo<FlowDoor>(
    () => ({
      listen: (id, onChange) => openLiveChannel(id, authorization(), onChange),
      async send(id, fields) {
        let answer: FlowAnswer;
        try {
          const response = await fetch(`/api/flows/${encodeURIComponent(id)}/events${query}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", ...authorization() },
            body: JSON.stringify(fields),
            cache: "no-store",
          });
          answer = (await response.json()) as FlowAnswer;
        } catch {
          return { status: "error", message: unreachable } satisfies ActionResult;
        }
        return take(answer);
      },
      async poll() {
        try {
          const response = await fetch(`/api/flows/${encodeURIComponent(flowId.current)}`, { cache: "no-store", headers: authorization() });
          const answer = (await response.json()) as FlowAnswer;
          if (answer.status === "success" && "view" in answer) setView(answer.view);
        } catch {
          // A missed poll is retried by the next one.
        }
      },
    }),
    [query, take, authorization, unreachable],
  );

  // A sign-in flow that finished without this page's own event (an emailed link confirmed elsewhere, a
  // reload at the wrong moment) is redeemed here; one that failed is explained by the page itself.
  const { result } = view.flow;
  useEffect(() => {
    if (mode !== "sign-in" || !result) return;
    if (result.status !== "success" || result.output.ciam_subflowResult !== "AUTHENTICATED") {
      window.location.reload();
      return;
    }
    void fetch(`/api/flows/${encodeURIComponent(view.flow.id)}/sign-in${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
      cache: "no-store",
    })
      .then((response) => response.json() as Promise<FlowAnswer>)
      .then((answer) => {
        if (answer.status === "success" && "redirectTo" in answer) void leaveFor(answer.redirectTo);
        else setSignInFailed(true);
      })
      .catch(() => setSignInFailed(true));
  }, [mode, result, view.flow.id, query, leaveFor]);

  // A new section takes the keyboard focus, as a new page would: a passcode step's code field (the
  // one thing to do there), else its notice when it opens with one (FocusedNotice), else its heading;
  // and the polite live region below says which section it is, for a screen reader that does not
  // read a focused heading or field's surroundings. On the page's first view only a code field is
  // focused, and not in the widget, where focus belongs to the host page until the person comes in.
  const container = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const section = `${view.flow.id}:${view.flow.view.section}:${view.subflow?.id ?? ""}:${view.subflow?.view.section ?? ""}`;
  const first = useRef(true);
  const firstSection = useRef(section);
  useEffect(() => {
    const root = container.current;
    const codeField = root?.querySelector<HTMLElement>("[data-autofocus]");
    if (first.current) {
      first.current = false;
      if (codeField && mode !== "widget") codeField.focus();
      return;
    }
    const heading = root?.querySelector<HTMLElement>("h1, h2");
    const target = codeField ?? root?.querySelector<HTMLElement>(".focus-target") ?? heading;
    setAnnouncement(heading?.textContent?.trim() ?? "");
    if (!target) return;
    if (!target.hasAttribute("tabindex") && target !== codeField) target.tabIndex = -1;
    target.focus();
  }, [section, mode]);

  let content: React.ReactNode;
  if (mode === "sign-in") {
    content = result ? (
      <div className="card">
        {signInFailed ? (
          <Notice tone="error">{t("notFinished")}</Notice>
        ) : (
          <p className="muted" role="status">
            {t("signingIn")}
          </p>
        )}
      </div>
    ) : (
      <AuthenticationView key={section} flow={view.flow} />
    );
  } else if (mode === "widget" && result) {
    content = <WidgetResult flow={view.flow} parentOrigin={parentOrigin!} />;
  } else {
    content = (
      <FlowView key={section} door={view} companyName={companyName} returnTo={returnTo} recovered={section === firstSection.current ? recovered : null} />
    );
  }

  return (
    <FlowDoorContext.Provider value={door}>
      <div ref={container} data-flow-id={view.flow.id}>
        {content}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="flow-announcement">
        {announcement}
      </div>
    </FlowDoorContext.Provider>
  );
}
