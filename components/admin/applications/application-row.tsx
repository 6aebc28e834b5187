"use client";

import { useTranslations } from "use-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { revokeApplicationAction, rotateApplicationAction, type ApplicationsResult } from "@/app/admin/applications/actions";
import { ResultNotice } from "@/components/admin/applications/result-notice";
import { SecretOnce } from "@/components/admin/applications/secret-once";
import { placed } from "@/components/i18n/placed";

export type ApplicationRowData = {
  clientId: string;
  name: string;
  rateLimitPerMinute: number | null;
  /** Already formatted on the server, so the page reads the same wherever it is rendered. */
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

/** What opens under the row: nothing, a confirmation that says what will happen, or the answer. */
type Panel = { step: "none" } | { step: "confirm"; change: "rotate" | "revoke" } | { step: "answer"; change: "rotate" | "revoke" };

const COLUMNS = 7;

/**
 * One application: its facts, and Rotate secret / Revoke, each confirmed in the page first. The new
 * secret after a rotation is shown under the row, once.
 */
export function ApplicationRow({ application, defaultLimit }: { application: ApplicationRowData; defaultLimit: number }) {
  const t = useTranslations("admin.applications");
  const rotate = useKeptFormAction(rotateApplicationAction);
  const revoke = useKeptFormAction(revokeApplicationAction);
  const [panel, setPanel] = useState<Panel>({ step: "none" });
  const confirmBox = useRef<HTMLDivElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (panel.step === "confirm") confirmBox.current?.focus();
  }, [panel]);

  function close(change: "rotate" | "revoke") {
    setPanel({ step: "none" });
    // Back to where the person was; a revoked row has no buttons left, so the table's caption then.
    requestAnimationFrame(() => {
      const button = change === "rotate" ? rotateButton.current : revokeButton.current;
      if (button) button.focus();
      else document.getElementById("applications-title")?.focus();
    });
  }

  function submit(change: "rotate" | "revoke", event: FormEvent<HTMLFormElement>) {
    (change === "rotate" ? rotate : revoke).onSubmit(event);
    setPanel({ step: "answer", change });
  }

  const a = application;
  const rowId = `application-${a.clientId}`;
  return (
    <>
      <tr id={rowId}>
        <th scope="row">{a.name}</th>
        <td>
          <code>{a.clientId}</code>
        </td>
        <td>{a.created}</td>
        <td>{a.lastUsed ?? <span className="muted">{t("list.never")}</span>}</td>
        <td>{a.rateLimitPerMinute === null ? <span className="muted">{t("list.defaultLimit", { limit: defaultLimit })}</span> : t("list.limit", { limit: a.rateLimitPerMinute })}</td>
        <td>{a.revoked ? <span className="badge badge-blocked">{t("list.revoked", { when: a.revoked })}</span> : <span className="badge badge-active">{t("list.active")}</span>}</td>
        <td>
          {!a.revoked && (
            <div className="application-actions">
              <button
                ref={rotateButton}
                type="button"
                className="btn btn-secondary btn-small"
                aria-expanded={panel.step === "confirm" && panel.change === "rotate"}
                onClick={() => setPanel({ step: "confirm", change: "rotate" })}
              >
                {placed((v) => t("row.rotate", v), { hidden: <span className="visually-hidden">{t("row.rotateHidden", { name: a.name })}</span> })}
              </button>
              <button
                ref={revokeButton}
                type="button"
                className="btn btn-danger btn-small"
                aria-expanded={panel.step === "confirm" && panel.change === "revoke"}
                onClick={() => setPanel({ step: "confirm", change: "revoke" })}
              >
                {placed((v) => t("row.revoke", v), { hidden: <span className="visually-hidden">{t("row.revokeHidden", { name: a.name })}</span> })}
              </button>
            </div>
          )}
        </td>
      </tr>
      {panel.step === "confirm" && (
        <tr className="application-panel">
          <td colSpan={COLUMNS}>
            <div ref={confirmBox} tabIndex={-1} className="focus-target stack" role="group" aria-labelledby={`${rowId}-confirm`}>
              {panel.change === "rotate" ? (
                <p id={`${rowId}-confirm`}>{placed((v) => t("row.askRotate", v), { question: <strong>{t("row.askRotateQuestion", { name: a.name })}</strong> })}</p>
              ) : (
                <p id={`${rowId}-confirm`}>{placed((v) => t("row.askRevoke", v), { question: <strong>{t("row.askRevokeQuestion", { name: a.name })}</strong> })}</p>
              )}
              <form method="post" onSubmit={(event) => submit(panel.change, event)} className="row">
                <input type="hidden" name="clientId" value={a.clientId} />
                {panel.change === "rotate" ? (
                  <button className="btn" type="submit">
                    {t("row.rotateConfirm")}
                  </button>
                ) : (
                  <button className="btn btn-danger" type="submit">
                    {t("row.revokeConfirm")}
                  </button>
                )}
                <button className="btn btn-secondary" type="button" onClick={() => close(panel.change)}>
                  {t("cancel")}
                </button>
              </form>
            </div>
          </td>
        </tr>
      )}
      {panel.step === "answer" && (
        <tr className="application-panel">
          <td colSpan={COLUMNS}>
            <Answer
              pending={panel.change === "rotate" ? rotate.pending : revoke.pending}
              result={(panel.change === "rotate" ? rotate.state : revoke.state) as ApplicationsResult}
              onClose={() => close(panel.change)}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function Answer({ pending, result, onClose }: { pending: boolean; result: ApplicationsResult; onClose: () => void }) {
  const t = useTranslations("admin.applications");
  if (pending || result.status === "idle") return <p aria-live="polite">{t("working")}</p>;
  if (result.status === "success" && result.secret) return <SecretOnce secret={result.secret} onDone={onClose} />;
  return (
    <div className="stack">
      <ResultNotice result={result} />
      <div>
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
