"use client";

import { useTranslations } from "use-intl";
import { ConfirmationPanel } from "@/components/ui/confirmation-panel";
import { LocalTime } from "@/components/ui/local-time";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useFlowEvent } from "@/components/flows/flow-door";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { Notice } from "@/components/ui/notice";
import { browserKeyFor, forgetBrowserKey } from "@/lib/device-keys/browser-key-store";
import { BROWSER_NAME_MAX } from "@/lib/validations/device-keys";
import type { DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";
import { placed } from "@/components/i18n/placed";

/** A browser as the flow door hands it over: the summary with its dates as ISO strings. */
export type ClientBrowser = Omit<DeviceKeySummary, "createdAt" | "lastSeenAt" | "rememberedUntil"> & {
  createdAt: string;
  lastSeenAt: string;
  rememberedUntil: string | null;
};

type Panel = { kind: "rename" | "forget" | "block" | "unblock"; keyId: string } | { kind: "forget-others" } | null;

const subscribeToNothing = () => () => {};
/** False until React has hydrated: until then a click would be lost, so the buttons say they are not ready. */
const useHydrated = () => useSyncExternalStore(subscribeToNothing, () => true, () => false);

/**
 * This browser's key id for the account, read from IndexedDB: undefined while looking, null when it
 * has none. A key the last change forgot (this browser's own, forgotten from this page or after a
 * step-up) is deleted from IndexedDB here, after the server has forgotten it, never before: a refused
 * change must not leave the browser without its key.
 */
function useThisBrowser(userId: string, forgotten: string[]) {
  const [keyId, setKeyId] = useState<string | null | undefined>(undefined);
  const forgottenKey = forgotten.join(" ");
  useEffect(() => {
    let live = true;
    void (async () => {
      const key = await browserKeyFor(userId);
      if (key && forgottenKey.split(" ").includes(key.keyId)) {
        await forgetBrowserKey(userId).catch(() => {});
        if (live) setKeyId(null);
        return;
      }
      if (live) setKeyId(key?.keyId ?? null);
    })();
    return () => {
      live = false;
    };
  }, [userId, forgottenKey]);
  return keyId;
}

function BrowserIcon() {
  return (
    <span className="device-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <path d="M3 9h18M6.5 6.5h.01M9 6.5h.01" />
      </svg>
    </span>
  );
}

/**
 * "Your browsers": every registered browser with what is known of it, and rename, forget, block,
 * unblock and "forget all other browsers". Each change is confirmed in the page first, saying what will
 * happen; the flow answers with the list and a notice, which takes the focus. A change that needs a
 * fresh sign-in answers with the step-up's sections instead (FlowView), and this list comes back after.
 */
export function BrowserListSection({
  flowId,
  userId,
  browsers,
  notice,
  alert,
  forgotten,
  seq,
  rememberDays,
}: {
  flowId: string;
  userId: string;
  browsers: ClientBrowser[];
  notice: string | null;
  alert: string | null;
  forgotten: string[];
  seq: number;
  rememberDays: number;
}) {
  const t = useTranslations("browsers");
  const { state, pending, send } = useFlowEvent(flowId);
  const hydrated = useHydrated();
  const thisKeyId = useThisBrowser(userId, forgotten);
  // What is being renamed or confirmed, for the answer it was opened after: a new answer from the flow
  // (seq) closes it in the same render that shows the answer's notice.
  const [opened, setOpened] = useState<{ panel: Panel; seq: number }>({ panel: null, seq });
  const panel = opened.seq === seq ? opened.panel : null;
  const panelBox = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | null>(null);

  // An opened confirmation takes the focus, so its consequences are what a screen reader reads next.
  useEffect(() => {
    if (panel) panelBox.current?.focus();
  }, [panel]);

  const open = (next: NonNullable<Panel>, trigger: string) => {
    returnTo.current = trigger;
    setOpened({ panel: next, seq });
  };
  const close = () => {
    setOpened({ panel: null, seq });
    const trigger = returnTo.current;
    if (trigger) requestAnimationFrame(() => document.getElementById(trigger)?.focus());
  };
  const disabled = !hydrated || pending;
  const others = browsers.filter((b) => b.keyId !== thisKeyId).length;
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const failure = state.status === "error" && !fieldErrors?.displayName?.length ? state.message : null;

  function rename(event: FormEvent<HTMLFormElement>, keyId: string) {
    event.preventDefault();
    const displayName = new FormData(event.currentTarget).get("displayName");
    void send({ type: "RENAME", keyId, displayName: typeof displayName === "string" ? displayName : "" });
  }

  return (
    <section className="card stack" aria-labelledby="browsers-heading">
      {/* The last answer's notice gives way to the next change being confirmed. */}
      {notice && !panel && <FocusedNotice tone="success" message={notice} focusKey={`notice:${seq}`} />}
      {alert && !panel && <FocusedNotice tone="error" message={alert} focusKey={`alert:${seq}`} />}
      {failure && <FocusedNotice tone="error" message={failure} focusKey={state} />}
      <div>
        <h1 id="browsers-heading">{t("heading")}</h1>
        <p className="muted">{t("intro")}</p>
      </div>

      {browsers.length === 0 ? (
        <Notice>{t("empty", { days: rememberDays })}</Notice>
      ) : (
        <ul className="browser-list" aria-label={t("listLabel")}>
          {browsers.map((b) => {
            const mine = b.keyId === thisKeyId;
            const id = (action: string) => `browser-${action}-${b.keyId}`;
            const current = panel && "keyId" in panel && panel.keyId === b.keyId ? panel.kind : null;
            return (
              <li className="browser-item" key={b.keyId} aria-label={b.displayName}>
                <BrowserIcon />
                <div className="device-main">
                  <span className="device-name">{b.displayName}</span>{" "}
                  {mine && <span className="badge badge-default">{t("thisBrowser")}</span>}{" "}
                  <span className={`badge ${b.status === "BLOCKED" ? "badge-blocked" : "badge-active"}`}>{b.status === "BLOCKED" ? t("blocked") : t("active")}</span>
                  <dl className="browser-facts">
                    <dt>{t("registered")}</dt>
                    <dd>
                      <LocalTime value={b.createdAt} format="date" />
                    </dd>
                    <dt>{t("lastSeen")}</dt>
                    {/* No address is looked up anywhere, so the place is the address itself. */}
                    <dd>
                      {placed((v) => t("lastSeenAt", { ...v, hasIp: String(Boolean(b.lastSeenIp)), ip: b.lastSeenIp ?? "" }), { time: <LocalTime value={b.lastSeenAt} /> })}
                    </dd>
                    <dt>{t("secondFactor")}</dt>
                    <dd>
                      {b.rememberedUntil ? placed((v) => t("rememberedUntil", v), { date: <LocalTime value={b.rememberedUntil} format="date" /> }) : t("notRemembered")}
                      {/* A blocked key proves nothing, so its remembering does not count until it is unblocked. */}
                      {b.rememberedUntil && b.status === "BLOCKED" ? t("notWhileBlocked") : ""}
                    </dd>
                  </dl>

                  {current === null && (
                    <div className="row browser-actions">
                      <button id={id("rename")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={t("renameLabel", { name: b.displayName })} onClick={() => open({ kind: "rename", keyId: b.keyId }, id("rename"))}>
                        {t("rename")}
                      </button>
                      {b.status === "BLOCKED" ? (
                        <button id={id("unblock")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={t("unblockLabel", { name: b.displayName })} onClick={() => open({ kind: "unblock", keyId: b.keyId }, id("unblock"))}>
                          {t("unblock")}
                        </button>
                      ) : (
                        <button id={id("block")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={t("blockLabel", { name: b.displayName })} onClick={() => open({ kind: "block", keyId: b.keyId }, id("block"))}>
                          {t("block")}
                        </button>
                      )}
                      <button id={id("forget")} type="button" className="btn btn-danger btn-small" disabled={disabled} aria-label={t("forgetLabel", { name: b.displayName })} onClick={() => open({ kind: "forget", keyId: b.keyId }, id("forget"))}>
                        {t("forget")}
                      </button>
                    </div>
                  )}

                  {current === "rename" && (
                    <div ref={panelBox} tabIndex={-1} className="browser-panel focus-panel">
                      <ClientForm onSubmit={(e) => rename(e, b.keyId)} aria-label={t("renameLabel", { name: b.displayName })} className="stack">
                        <Field
                          id={id("name")}
                          label={t("nameLabel")}
                          name="displayName"
                          defaultValue={b.displayName}
                          maxLength={BROWSER_NAME_MAX}
                          required
                          hint={t("nameHint", { max: BROWSER_NAME_MAX })}
                          errors={fieldErrors?.displayName}
                        />
                        <div className="row">
                          <button className="btn btn-small" type="submit" disabled={pending}>
                            {pending ? t("saving") : t("saveName")}
                          </button>
                          <button className="btn btn-link" type="button" disabled={pending} onClick={close}>
                            {t("cancel")}
                          </button>
                        </div>
                      </ClientForm>
                    </div>
                  )}

                  {(current === "forget" || current === "block" || current === "unblock") && (
                    <ConfirmationPanel
                      box={panelBox}
                      pending={pending}
                      label={t("confirm.label", { action: current, name: b.displayName })}
                      confirmLabel={t(`confirm.${current}`)}
                      progressLabel={{ forget: t("confirm.forgetting"), block: t("confirm.blocking"), unblock: t("confirm.unblocking") }[current]}
                      danger={current !== "unblock"}
                      onConfirm={() => void send({ type: current.toUpperCase(), keyId: b.keyId })}
                      onCancel={close}
                    >
                      {current === "forget" &&
                        (mine ? t("confirm.forgetThis") : t("confirm.forgetOther", { name: b.displayName }))}
                      {current === "block" && t("confirm.blockBody", { name: b.displayName, remembered: String(Boolean(b.rememberedUntil)) })}
                      {current === "unblock" &&
                        (b.rememberedUntil
                          ? placed((v) => t("confirm.unblockRemembered", { ...v, name: b.displayName }), { date: <LocalTime value={b.rememberedUntil} format="date" /> })
                          : t("confirm.unblockBody", { name: b.displayName }))}
                    </ConfirmationPanel>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {browsers.length > 0 && (
        <div className="stack">
          {panel?.kind === "forget-others" ? (
            <ConfirmationPanel
              box={panelBox}
              pending={pending}
              label={t("others.label")}
              confirmLabel={t("others.button")}
              progressLabel={t("confirm.forgetting")}
              danger
              onConfirm={() => void send({ type: "FORGET_OTHERS", keepKeyId: thisKeyId ?? "" })}
              onCancel={close}
            >
              {thisKeyId && browsers.some((b) => b.keyId === thisKeyId)
                ? t("others.keepThis", { count: others })
                : t("others.notRegistered", { count: others })}
            </ConfirmationPanel>
          ) : (
            <div>
              <button
                id="browser-forget-others"
                type="button"
                className="btn btn-secondary"
                // Not before this browser's own key has been looked for, or it could be forgotten with the rest.
                disabled={disabled || thisKeyId === undefined || others === 0}
                onClick={() => open({ kind: "forget-others" }, "browser-forget-others")}
              >
                {t("others.action")}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
