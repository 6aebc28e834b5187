"use client";

import { ConfirmationPanel } from "@/components/ui/confirmation-panel";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useFlowEvent } from "@/components/flows/flow-door";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { Notice } from "@/components/ui/notice";
import { browserKeyFor, forgetBrowserKey } from "@/lib/device-keys/browser-key-store";
import { BROWSER_NAME_MAX } from "@/lib/validations/device-keys";
import type { DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";

/** A browser as the flow door hands it over: the summary with its dates as ISO strings. */
export type ClientBrowser = Omit<DeviceKeySummary, "createdAt" | "lastSeenAt" | "rememberedUntil"> & {
  createdAt: string;
  lastSeenAt: string;
  rememberedUntil: string | null;
};

// UTC, as the account page's activity list shows times, and said so.
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const moment = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

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
        <h1 id="browsers-heading">Your browsers</h1>
        <p className="muted">
          Browsers registered to your account when you chose “Remember this browser” at sign-in. A remembered browser skips the second factor
          until the date shown, never the password. Forget or block one you no longer use or do not recognise.
        </p>
      </div>

      {browsers.length === 0 ? (
        <Notice>
          No browsers are registered to your account. When you sign in with two-step verification, tick “Remember this browser” and that
          browser is registered here: for the next {rememberDays} days its sign-ins ask only for your password. You can forget or block it here
          at any time.
        </Notice>
      ) : (
        <ul className="browser-list" aria-label="Registered browsers">
          {browsers.map((b) => {
            const mine = b.keyId === thisKeyId;
            const id = (action: string) => `browser-${action}-${b.keyId}`;
            const current = panel && "keyId" in panel && panel.keyId === b.keyId ? panel.kind : null;
            return (
              <li className="browser-item" key={b.keyId} aria-label={b.displayName}>
                <BrowserIcon />
                <div className="device-main">
                  <span className="device-name">{b.displayName}</span>{" "}
                  {mine && <span className="badge badge-default">This browser</span>}{" "}
                  <span className={`badge ${b.status === "BLOCKED" ? "badge-blocked" : "badge-active"}`}>{b.status === "BLOCKED" ? "Blocked" : "Active"}</span>
                  <dl className="browser-facts">
                    <dt>Registered</dt>
                    <dd>{day.format(new Date(b.createdAt))}</dd>
                    <dt>Last seen</dt>
                    {/* No address is looked up anywhere, so the place is the address itself. */}
                    <dd>
                      {moment.format(new Date(b.lastSeenAt))} UTC{b.lastSeenIp ? ` from ${b.lastSeenIp}` : ", address unknown"}
                    </dd>
                    <dt>Second factor</dt>
                    <dd>
                      {b.rememberedUntil ? `Remembered until ${day.format(new Date(b.rememberedUntil))}` : "Not remembered"}
                      {/* A blocked key proves nothing, so its remembering does not count until it is unblocked. */}
                      {b.rememberedUntil && b.status === "BLOCKED" ? ", not while blocked" : ""}
                    </dd>
                  </dl>

                  {current === null && (
                    <div className="row browser-actions">
                      <button id={id("rename")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={`Rename ${b.displayName}`} onClick={() => open({ kind: "rename", keyId: b.keyId }, id("rename"))}>
                        Rename
                      </button>
                      {b.status === "BLOCKED" ? (
                        <button id={id("unblock")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={`Unblock ${b.displayName}`} onClick={() => open({ kind: "unblock", keyId: b.keyId }, id("unblock"))}>
                          Unblock
                        </button>
                      ) : (
                        <button id={id("block")} type="button" className="btn btn-secondary btn-small" disabled={disabled} aria-label={`Block ${b.displayName}`} onClick={() => open({ kind: "block", keyId: b.keyId }, id("block"))}>
                          Block
                        </button>
                      )}
                      <button id={id("forget")} type="button" className="btn btn-danger btn-small" disabled={disabled} aria-label={`Forget ${b.displayName}`} onClick={() => open({ kind: "forget", keyId: b.keyId }, id("forget"))}>
                        Forget
                      </button>
                    </div>
                  )}

                  {current === "rename" && (
                    <div ref={panelBox} tabIndex={-1} className="browser-panel focus-panel">
                      <ClientForm onSubmit={(e) => rename(e, b.keyId)} aria-label={`Rename ${b.displayName}`} className="stack">
                        <Field
                          id={id("name")}
                          label="Browser name"
                          name="displayName"
                          defaultValue={b.displayName}
                          maxLength={BROWSER_NAME_MAX}
                          required
                          hint={`1 to ${BROWSER_NAME_MAX} characters.`}
                          errors={fieldErrors?.displayName}
                        />
                        <div className="row">
                          <button className="btn btn-small" type="submit" disabled={pending}>
                            {pending ? "Saving…" : "Save name"}
                          </button>
                          <button className="btn btn-link" type="button" disabled={pending} onClick={close}>
                            Cancel
                          </button>
                        </div>
                      </ClientForm>
                    </div>
                  )}

                  {(current === "forget" || current === "block" || current === "unblock") && (
                    <ConfirmationPanel
                      box={panelBox}
                      pending={pending}
                      label={`Confirm: ${current} ${b.displayName}`}
                      confirmLabel={{ forget: "Yes, forget it", block: "Yes, block it", unblock: "Yes, unblock it" }[current]}
                      progressLabel={{ forget: "Forgetting…", block: "Blocking…", unblock: "Unblocking…" }[current]}
                      danger={current !== "unblock"}
                      onConfirm={() => void send({ type: current.toUpperCase(), keyId: b.keyId })}
                      onCancel={close}
                    >
                      {current === "forget" &&
                        (mine
                          ? "This browser will be forgotten and its key deleted from it. Your next sign-in here will ask for the second factor again, as on a new browser."
                          : `“${b.displayName}” will be forgotten. The next sign-in from it will ask for the second factor again, as on a new browser.`)}
                      {current === "block" &&
                        `While “${b.displayName}” is blocked it is not recognised: the next sign-in from it will ask for the second factor again${b.rememberedUntil ? ", although it is remembered" : ""}. You can unblock it later.`}
                      {current === "unblock" &&
                        `“${b.displayName}” will be recognised again${b.rememberedUntil ? ` and skip the second factor until ${day.format(new Date(b.rememberedUntil))}` : ""}.`}
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
              label="Confirm: forget all other browsers"
              confirmLabel="Yes, forget them"
              progressLabel="Forgetting…"
              danger
              onConfirm={() => void send({ type: "FORGET_OTHERS", keepKeyId: thisKeyId ?? "" })}
              onCancel={close}
            >
              {thisKeyId && browsers.some((b) => b.keyId === thisKeyId)
                ? `Every browser but this one will be forgotten (${others}). The next sign-in from each of them will ask for the second factor again.`
                : `This browser is not registered, so all ${others} registered ${others === 1 ? "browser" : "browsers"} will be forgotten. The next sign-in from each will ask for the second factor again.`}
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
                Forget all other browsers
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
