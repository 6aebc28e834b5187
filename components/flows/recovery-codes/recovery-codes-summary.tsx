"use client";

import { LocalTime } from "@/components/ui/local-time";
import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { useTranslations } from "use-intl";
import "./recovery-codes.css";
import { placed } from "@/components/i18n/placed";


/**
 * The device list's "Recovery codes" (issue 14): how many are left, a warning when they run low, and
 * new codes on demand (which asks the person to confirm it's them first, and voids the old set).
 */
export function RecoveryCodesSummary({ flowId, status }: { flowId: string; status: RecoveryCodeStatus }) {
  const t = useTranslations("recoveryCodes.summary");
  const made = status.createdAt !== null;
  return (
    <section className="card stack" aria-labelledby="recovery-codes-summary-heading">
      <div>
        <h2 id="recovery-codes-summary-heading">{t("heading")}</h2>
        <p className="muted">{t("intro")}</p>
      </div>
      {made ? (
        <p>
          <span className="recovery-codes-count">
            {t("count", { left: status.left, total: status.total })}
          </span>{" "}
          <span className="muted">{placed((v) => t("made", v), { date: <LocalTime value={status.createdAt!} format="date" /> })}</span>
        </p>
      ) : (
        <p>{t("none")}</p>
      )}
      {made && status.left === 0 && <Notice tone="warning">{t("allUsed")}</Notice>}
      {made && status.left > 0 && status.low && (
        <Notice tone="warning">{t("low", { left: status.left })}</Notice>
      )}
      {status.lockedUntil && (
        <Notice tone="warning">{placed((v) => t("locked", v), { time: <LocalTime value={status.lockedUntil} /> })}</Notice>
      )}
      <FlowForm flowId={flowId} label={t("actionsLabel")}>
        {(_state, pending) => (
          <div className="row">
            <button className={made && !status.low ? "btn btn-secondary" : "btn"} type="submit" name="type" value="NEW_RECOVERY_CODES" disabled={pending}>
              {made ? t("generateNew") : t("generate")}
            </button>
            {made && <span className="small muted">{t("voided")}</span>}
          </div>
        )}
      </FlowForm>
    </section>
  );
}
