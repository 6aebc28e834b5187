"use client";

import { LocalTime } from "@/components/ui/local-time";
import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import "./recovery-codes.css";


/**
 * The device list's "Recovery codes" (issue 14): how many are left, a warning when they run low, and
 * new codes on demand (which asks the person to confirm it's them first, and voids the old set).
 */
export function RecoveryCodesSummary({ flowId, status }: { flowId: string; status: RecoveryCodeStatus }) {
  const made = status.createdAt !== null;
  return (
    <section className="card stack" aria-labelledby="recovery-codes-summary-heading">
      <div>
        <h2 id="recovery-codes-summary-heading">Recovery codes</h2>
        <p className="muted">If you lose your devices, a recovery code lets you sign in instead. Each code works once.</p>
      </div>
      {made ? (
        <p>
          <span className="recovery-codes-count">
            {status.left} of {status.total} left
          </span>{" "}
          <span className="muted">· made <LocalTime value={status.createdAt!} format="date" /></span>
        </p>
      ) : (
        <p>You have no recovery codes yet.</p>
      )}
      {made && status.left === 0 && <Notice tone="warning">You have used all your recovery codes. Make new ones now.</Notice>}
      {made && status.left > 0 && status.low && (
        <Notice tone="warning">
          Only {status.left} recovery {status.left === 1 ? "code is" : "codes are"} left. Make new ones so you cannot be locked out.
        </Notice>
      )}
      {status.lockedUntil && (
        <Notice tone="warning">After too many wrong codes your recovery codes are locked until <LocalTime value={status.lockedUntil} />.</Notice>
      )}
      <FlowForm flowId={flowId} label="Recovery code actions">
        {(_state, pending) => (
          <div className="row">
            <button className={made && !status.low ? "btn btn-secondary" : "btn"} type="submit" name="type" value="NEW_RECOVERY_CODES" disabled={pending}>
              {made ? "Generate new codes" : "Generate codes"}
            </button>
            {made && <span className="small muted">Your current codes stop working when new ones are made.</span>}
          </div>
        )}
      </FlowForm>
    </section>
  );
}
