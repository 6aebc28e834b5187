"use client";

import { useTranslations } from "use-intl";
import { ConfirmationPanel } from "@/components/ui/confirmation-panel";
import "./sessions.css";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { signOutOtherSessionsAction, signOutSessionAction } from "@/app/(portal)/sessions/actions";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { LocalTime, personLocale } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SessionSummary } from "@/lib/auth/list-sessions";
import { placed } from "@/components/i18n/placed";

/** A session as the page hands it over: the summary with its dates as ISO strings. */
export type ClientSession = Omit<SessionSummary, "signedInAt" | "lastActiveAt"> & { signedInAt: string; lastActiveAt: string };

type Panel = { kind: "one"; session: ClientSession } | { kind: "others" } | null;

const subscribeToNothing = () => () => {};
const useHydrated = () => useSyncExternalStore(subscribeToNothing, () => true, () => false);

/** "Chrome on Windows", else whatever part is known, else a plain word. */
function nameOf(s: ClientSession, t: ReturnType<typeof useTranslations<"sessions">>) {
  if (s.browser && s.system) return t("name.both", { browser: s.browser, system: s.system });
  return s.browser ?? s.system ?? t("name.unknown");
}

/**
 * "Berlin, DE" as the proxy sent it, with a two-letter country code written as the country's name in
 * the person's language once the browser can say which ("Berlin, Germany").
 */
function Place({ value }: { value: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return <>{value}</>;
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([personLocale()], { type: "region" });
  } catch {
    regions = null;
  }
  const parts = value.split(", ").map((part) => {
    if (!regions || !/^[A-Z]{2}$/.test(part)) return part;
    try {
      return regions.of(part) ?? part;
    } catch {
      return part;
    }
  });
  return <>{parts.join(", ")}</>;
}

function SessionIcon({ form }: { form: ClientSession["form"] }) {
  return (
    <span className="device-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {form === "mobile" || form === "tablet" ? (
          <>
            <rect x={form === "tablet" ? 4 : 6.5} y="2.5" width={form === "tablet" ? 16 : 11} height="19" rx="2" />
            <path d="M11 18.5h2" />
          </>
        ) : (
          <>
            <rect x="3.5" y="4.5" width="17" height="11" rx="1.5" />
            <path d="M2 19.5h20" />
          </>
        )}
      </svg>
    </span>
  );
}

/**
 * "Your sessions": every browser signed in to the account, with what is known of it, "This browser"
 * marked, and a way to sign out any other one or all of them. Each sign-out is confirmed in the page
 * first, saying what will happen; the answer takes the focus, and the list is read again from the
 * server with the answer (the action revalidates the page).
 */
export function SessionList({ sessions }: { sessions: ClientSession[] }) {
  const t = useTranslations("sessions");
  const hydrated = useHydrated();
  const [panel, setPanel] = useState<Panel>(null);
  const [answer, setAnswer] = useState<{ result: ActionResult; at: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const panelBox = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | null>(null);
  const others = sessions.filter((s) => !s.current);

  // An opened confirmation takes the focus, so its consequences are what a screen reader reads next.
  useEffect(() => {
    if (panel) panelBox.current?.focus();
  }, [panel]);

  const open = (next: NonNullable<Panel>, trigger: string) => {
    returnTo.current = trigger;
    setAnswer(null);
    setPanel(next);
  };
  const close = () => {
    setPanel(null);
    const trigger = returnTo.current;
    if (trigger) requestAnimationFrame(() => document.getElementById(trigger)?.focus());
  };
  const confirm = (action: (data: FormData) => Promise<ActionResult>, data: FormData) => {
    startTransition(async () => {
      const result = await action(data);
      setAnswer({ result, at: Date.now() });
      setPanel(null);
    });
  };
  const signOutOne = (session: ClientSession) => {
    const data = new FormData();
    data.set("sessionId", session.id);
    confirm(signOutSessionAction, data);
  };
  const disabled = !hydrated || pending;

  return (
    <section className="card stack" aria-labelledby="sessions-heading">
      {answer && !panel && (
        <FocusedNotice tone={answer.result.status === "success" ? "success" : "error"} message={answer.result.message ?? ""} focusKey={answer.at} />
      )}
      <div>
        <h1 id="sessions-heading">{t("heading")}</h1>
        <p className="muted">{t("intro")}</p>
      </div>

      <ul className="browser-list" aria-label={t("listLabel")}>
        {sessions.map((s) => {
          const name = nameOf(s, t);
          const buttonId = `session-sign-out-${s.id}`;
          const confirming = panel?.kind === "one" && panel.session.id === s.id;
          return (
            <li className="browser-item" key={s.id} aria-label={s.current ? t("itemLabel", { name }) : name}>
              <SessionIcon form={s.form} />
              <div className="device-main">
                <span className="device-name">{name}</span> {s.current && <span className="badge badge-default">{t("thisBrowser")}</span>}{" "}
                {s.secondFactorPending && <span className="badge session-badge-pending">{t("pending")}</span>}
                <dl className="browser-facts">
                  <dt>{t("signedIn")}</dt>
                  <dd>
                    <LocalTime value={s.signedInAt} />
                  </dd>
                  <dt>{t("lastActive")}</dt>
                  <dd>{s.current ? t("now") : <LocalTime value={s.lastActiveAt} format="relative" />}</dd>
                  <dt>{t("from")}</dt>
                  <dd>
                    {s.location
                      ? placed((v) => t("place", { ...v, hasIp: String(Boolean(s.ip)), ip: s.ip ?? "" }), { place: <Place value={s.location} /> })
                      : (s.ip ?? t("addressUnknown"))}
                  </dd>
                </dl>
                {s.secondFactorPending && (
                  <p className="muted small">{t("pendingHint")}</p>
                )}

                {!s.current && !confirming && (
                  <div className="row browser-actions">
                    <button id={buttonId} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={t("signOutLabel", { name })} onClick={() => open({ kind: "one", session: s }, buttonId)}>
                      {t("signOut")}
                    </button>
                  </div>
                )}
                {confirming && (
                  <ConfirmationPanel
                    progressLabel={t("signingOut")}
                    box={panelBox}
                    pending={pending}
                    label={t("confirmOne.label", { name })}
                    confirmLabel={t("confirmOne.button")}
                    onConfirm={() => signOutOne(s)}
                    onCancel={close}
                  >
                    {t("confirmOne.body", { name, pending: String(s.secondFactorPending) })}
                  </ConfirmationPanel>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      {others.length === 0 && <Notice>{t("onlyOne")}</Notice>}

      <div className="session-list-actions">
        {panel?.kind === "others" ? (
          <ConfirmationPanel
            progressLabel={t("signingOut")}
            box={panelBox}
            pending={pending}
            label={t("confirmOthers.label")}
            confirmLabel={t("confirmOthers.button")}
            onConfirm={() => confirm(signOutOtherSessionsAction, new FormData())}
            onCancel={close}
          >
            {t("confirmOthers.body", { count: others.length })}
          </ConfirmationPanel>
        ) : (
          <button
            id="session-sign-out-others"
            type="button"
            className="btn btn-secondary"
            disabled={disabled || others.length === 0}
            onClick={() => open({ kind: "others" }, "session-sign-out-others")}
          >
            {t("signOutOthers")}
          </button>
        )}
      </div>
    </section>
  );
}
