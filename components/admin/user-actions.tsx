"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { ClientForm } from "@/components/ui/client-form";
import type { ActionResult } from "@/lib/actions/action-result";

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

const confirmLabel: Record<Kind, string> = {
  block: "Block device",
  unblock: "Unblock device",
  unlock: "Unlock device",
  remove: "Remove device",
  lock: "Lock device",
  resetMfa: "Reset MFA",
  signOutEverywhere: "Sign out everywhere",
};

const yes: Record<Kind, string> = {
  block: "Yes, block it",
  unblock: "Yes, unblock it",
  unlock: "Yes, unlock it",
  remove: "Yes, remove it",
  lock: "Yes, lock it",
  resetMfa: "Yes, reset MFA",
  signOutEverywhere: "Yes, sign them out",
};

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

  const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lastActive = (d: AdminDeviceRow) => d.status === "ACTIVE" && activeDevices === 1 && mfaEnabled;
  const what: Record<Kind, (d?: AdminDeviceRow) => ReactNode> = {
    block: (d) => `Block ${d!.label} of ${email}? It stops working at once and cannot be used to sign in until it is unblocked. They will be told by email.`,
    unblock: (d) => `Unblock ${d!.label} of ${email}? It can be used to sign in again. They will be told by email.`,
    unlock: (d) => `Unlock ${d!.label} of ${email}? Its lock ends now and its wrong-code count starts again, so it can be used to sign in at once. They will be told by email.`,
    remove: (d) =>
      `Remove ${d!.label} from ${email}'s account? They would have to add it again to use it.${lastActive(d!) ? " It is their last active device: two-step verification turns off." : ""} They will be told by email.`,
    lock: (d) => `Lock ${d!.label} of ${email} until the time below? Sign-in refuses it until then and says until when. They will be told by email.`,
    resetMfa: () =>
      `Reset MFA for ${email}? Their ${s(totalDevices, "device is", "devices are")} removed and two-step verification turns off. They will be told by email.`,
    signOutEverywhere: () => `Sign ${email} out everywhere? Their ${s(sessions, "active session ends", "active sessions end")} at once; every browser of theirs must sign in again. They will be told by email.`,
  };
  const fieldErrors = result?.answer.status === "error" ? result.answer.fieldErrors : undefined;

  return (
    <div className="stack">
      {result && (
        <FocusedNotice tone={result.answer.status === "success" ? "success" : "error"} message={result.answer.message ?? ""} focusKey={result.at}>
          {result.answer.confirmPath && (
            <>
              {" "}
              <a href={result.answer.confirmPath}>Confirm it&apos;s you</a>, then try again.
            </>
          )}
        </FocusedNotice>
      )}

      {pending && (
        <div ref={panel} tabIndex={-1} className="admin-confirm stack" role="region" aria-label="Confirm the change">
          <p>{what[pending.kind](pending.device)}</p>
          <ClientForm onSubmit={submit} aria-label={confirmLabel[pending.kind]}>
            <input type="hidden" name="userId" value={userId} />
            {pending.device && <input type="hidden" name="deviceId" value={pending.device.id} />}
            {pending.kind === "lock" && (
              <div className="field">
                <label htmlFor="lock-until">Locked until (UTC)</label>
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
                {busy ? "Working…" : yes[pending.kind]}
              </button>
              <button className="btn btn-secondary" type="button" onClick={() => setPending(null)} disabled={busy}>
                Cancel
              </button>
            </div>
          </ClientForm>
        </div>
      )}

      {canManageUser && (
        <div className="admin-actions" role="group" aria-label="Account actions">
          <button className="btn btn-secondary btn-small" type="button" onClick={() => ask("resetMfa")}>
            Reset MFA
          </button>
          <button className="btn btn-secondary btn-small" type="button" onClick={() => ask("signOutEverywhere")}>
            Sign out everywhere
          </button>
        </div>
      )}

      {devices.length === 0 ? (
        <p className="muted">No devices.</p>
      ) : (
        <ul className="stack" aria-label="Device actions" style={{ listStyle: "none", padding: 0, margin: 0 }}>
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
                  <span className="admin-actions" role="group" aria-label={`Actions for ${d.label}`}>
                    {offered.map((kind) => (
                      <button key={kind} className="btn btn-secondary btn-small" type="button" onClick={() => ask(kind, d)}>
                        {confirmLabel[kind].replace(" device", "")}
                      </button>
                    ))}
                  </span>
                ) : (
                  <span className="muted small">{usable ? "No actions for your role" : "Registration not finished"}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
