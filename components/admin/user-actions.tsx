"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { ClientForm } from "@/components/ui/client-form";
import type { ActionResult } from "@/lib/actions/action-result";
import { placed } from "@/components/i18n/placed";

type AdminAction = (data: FormData) => Promise<ActionResult & { confirmPath?: string }>;

export type AdminActions = {
  block: AdminAction;
  unblock: AdminAction;
  unlock: AdminAction;
  remove: AdminAction;
  lock: AdminAction;
  resetMfa: AdminAction;
  signOutEverywhere: AdminAction;
};

export type AdminDeviceRow = {
  id: string;
  /** 'Text message "Work phone"' */
  label: string;
  status: "ACTIVATION_REQUIRED" | "ACTIVE" | "BLOCKED";
  locked: boolean;
  failedAttempts: number;
};

type Kind = "block" | "unblock" | "unlock" | "remove" | "lock" | "resetMfa" | "signOutEverywhere";
type Pending = { kind: Kind; device?: AdminDeviceRow } | null;

/** Tomorrow at this time (UTC, to the minute), as a datetime-local field wants it. */
function tomorrow() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
}

/**
 * The actions on one user's page. Each asks first, in the page, saying what will happen; the answer
 * takes the focus (FocusedNotice); a change that needs a fresh sign-in links to the confirm page. Only
 * the actions the staff member's role allows are offered (the server refuses the others anyway).
 */
export function UserActions({
  userId,
  email,
  devices,
  activeDevices,
  totalDevices,
  sessions,
  mfaEnabled,
  canManageDevices,
  canManageUser,
  actions,
}: {
  userId: string;
  email: string;
  devices: AdminDeviceRow[];
  activeDevices: number;
  totalDevices: number;
  sessions: number;
  mfaEnabled: boolean;
  canManageDevices: boolean;
  canManageUser: boolean;
  actions: AdminActions;
}) {
  const t = useTranslations("admin.userActions");
  const [pending, setPending] = useState<Pending>(null);
  const [result, setResult] = useState<{ answer: ActionResult & { confirmPath?: string }; at: number } | null>(null);
  const [busy, startTransition] = useTransition();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending) panel.current?.focus();
  }, [pending]);

  function ask(kind: Kind, device?: AdminDeviceRow) {
    setResult(null);
    setPending({ kind, device });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) return;
    const data = new FormData(event.currentTarget);
    const action = actions[pending.kind];
    startTransition(async () => {
      const answer = await action(data);
      setResult({ answer, at: Date.now() });
      if (answer.status === "success" || !answer.fieldErrors) setPending(null);
    });
  }

  const lastActive = (d: AdminDeviceRow) => d.status === "ACTIVE" && activeDevices === 1 && mfaEnabled;
  const what = (kind: Kind, d?: AdminDeviceRow) => {
    const device = d?.label ?? "";
    switch (kind) {
      case "remove":
        return t("ask.remove", { device, email, last: d && lastActive(d) ? "yes" : "no" });
      case "resetMfa":
        return t("ask.resetMfa", { email, count: totalDevices });
      case "signOutEverywhere":
        return t("ask.signOutEverywhere", { email, count: sessions });
      default:
        return t(`ask.${kind}`, { device, email });
    }
  };
  const fieldErrors = result?.answer.status === "error" ? result.answer.fieldErrors : undefined;

  return (
    <div className="stack">
      {result && (
        <FocusedNotice tone={result.answer.status === "success" ? "success" : "error"} message={result.answer.message ?? ""} focusKey={result.at}>
          {result.answer.confirmPath && (
            <>
              {" "}
              {placed((v) => t("confirmThenRetry", v), { link: <a href={result.answer.confirmPath}>{t("confirmLink")}</a> })}
            </>
          )}
        </FocusedNotice>
      )}

      {pending && (
        <div ref={panel} tabIndex={-1} className="admin-confirm stack" role="region" aria-label={t("confirmRegion")}>
          <p>{what(pending.kind, pending.device)}</p>
          <ClientForm onSubmit={submit} aria-label={t(`form.${pending.kind}`)}>
            <input type="hidden" name="userId" value={userId} />
            {pending.device && <input type="hidden" name="deviceId" value={pending.device.id} />}
            {pending.kind === "lock" && (
              <div className="field">
                <label htmlFor="lock-until">{t("lockUntil")}</label>
                <input
                  id="lock-until"
                  name="until"
                  type="datetime-local"
                  defaultValue={tomorrow()}
                  required
                  aria-invalid={fieldErrors?.until ? true : undefined}
                  aria-describedby="lock-until-error"
                />
                <div id="lock-until-error" className="field-error" aria-live="polite">
                  {fieldErrors?.until?.join(" ")}
                </div>
              </div>
            )}
            <div className="row">
              <button className={`btn ${pending.kind === "unblock" || pending.kind === "unlock" ? "" : "btn-danger"}`} type="submit" disabled={busy}>
                {busy ? t("working") : t(`yes.${pending.kind}`)}
              </button>
              <button className="btn btn-secondary" type="button" onClick={() => setPending(null)} disabled={busy}>
                {t("cancel")}
              </button>
            </div>
          </ClientForm>
        </div>
      )}

      {canManageUser && (
        <div className="admin-actions" role="group" aria-label={t("accountActions")}>
          <button className="btn btn-secondary btn-small" type="button" onClick={() => ask("resetMfa")}>
            {t("button.resetMfa")}
          </button>
          <button className="btn btn-secondary btn-small" type="button" onClick={() => ask("signOutEverywhere")}>
            {t("button.signOutEverywhere")}
          </button>
        </div>
      )}

      {devices.length === 0 ? (
        <p className="muted">{t("noDevices")}</p>
      ) : (
        <ul className="stack" aria-label={t("deviceActions")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {devices.map((d) => {
            const usable = d.status !== "ACTIVATION_REQUIRED";
            const offered: Kind[] = !usable
              ? []
              : [
                  ...(canManageDevices ? [d.status === "BLOCKED" ? ("unblock" as const) : ("block" as const)] : []),
                  ...(canManageDevices && (d.locked || d.failedAttempts > 0) ? ["unlock" as const] : []),
                  ...(canManageUser ? ["lock" as const] : []),
                  ...(canManageDevices ? ["remove" as const] : []),
                ];
            return (
              <li key={d.id} className="spread">
                <span>{d.label}</span>
                {offered.length > 0 ? (
                  <span className="admin-actions" role="group" aria-label={t("actionsFor", { device: d.label })}>
                    {offered.map((kind) => (
                      <button key={kind} className="btn btn-secondary btn-small" type="button" onClick={() => ask(kind, d)}>
                        {t(`button.${kind}`)}
                      </button>
                    ))}
                  </span>
                ) : (
                  <span className="muted small">{usable ? t("noActionsForRole") : t("notRegistered")}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
