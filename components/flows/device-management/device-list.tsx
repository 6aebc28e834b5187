"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { deviceStatusLabel } from "@/lib/devices/device-types";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { RecoveryCodesSummary } from "@/components/flows/recovery-codes/recovery-codes-summary";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Display User Devices: every device, Add when allowed, Done and Cancel. */
export function DeviceListSection({
  flowId,
  devices,
  canAdd,
  notice,
  alert,
  recoveryCodes = null,
  recovered = null,
}: {
  flowId: string;
  devices: DeviceSummary[];
  canAdd: boolean;
  notice: string | null;
  alert: string | null;
  /** The account's recovery codes; null where they are not offered (the flow API). */
  recoveryCodes?: RecoveryCodeStatus | null;
  /** After a sign-in with a recovery code: what to do now, and how many codes are left. */
  recovered?: string | null;
}) {
  return (
    <>
    <section className="card stack" aria-labelledby="devices-heading">
      {recovered && <FocusedNotice tone="warning" message={recovered} />}
      {notice && <Notice tone="success">{notice}</Notice>}
      {alert && <Notice tone="error">{alert}</Notice>}
      <div>
        <h1 id="devices-heading">Your devices</h1>
        <p className="muted">Devices you use for two-step verification. Choose one to rename it, make it your default, block it or remove it.</p>
      </div>
      <FlowForm flowId={flowId} label="Your devices">
        {(_state, pending) => (
          <>
            {devices.length === 0 ? (
              <Notice>You have no devices yet. Add one so you can finish signing in with a second step.</Notice>
            ) : (
              <ul className="device-list" aria-label="Devices">
                {devices.map((d) => (
                  <li className="device-item" key={d.id}>
                    <button
                      type="submit"
                      name="deviceId"
                      value={d.id}
                      disabled={pending}
                      aria-label={`${d.nickname}, ${d.typeLabel}${d.maskedTarget ? ` ${d.maskedTarget}` : ""}${d.isDefault ? ", default" : ""}, ${deviceStatusLabel[d.status]}`}
                    >
                      <DeviceIcon type={d.type} />
                      <span className="device-main">
                        <span className="device-name">{d.nickname}</span>{" "}
                        {d.isDefault && <span className="badge badge-default">Default</span>}{" "}
                        <span className={`badge ${d.status === "BLOCKED" ? "badge-blocked" : "badge-active"}`}>{deviceStatusLabel[d.status]}</span>
                        <br />
                        <span className="device-meta">
                          {d.typeLabel}
                          {d.maskedTarget ? ` · ${d.maskedTarget}` : ""} · {/* A phone is made when its pairing starts, minutes before it pairs: the same day. */}
                          {d.type === "MOBILE" ? "paired" : "added"} {dateFormat.format(new Date(d.createdAt))}
                          {d.lastUsedAt ? ` · last used ${dateFormat.format(new Date(d.lastUsedAt))}` : ""}
                        </span>
                      </span>
                      <span className="chevron" aria-hidden="true">›</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <input type="hidden" name="type" value="SELECT_DEVICE" />
          </>
        )}
      </FlowForm>
      <FlowForm flowId={flowId} label="Device actions">
        {(_state, pending) => (
          <div className="spread">
            <div className="row">
              {canAdd && (
                <button className="btn" type="submit" name="type" value="ADD" disabled={pending}>
                  Add device
                </button>
              )}
              <button className="btn btn-secondary" type="submit" name="type" value="DONE" disabled={pending}>
                Done
              </button>
              <button className="btn btn-secondary" type="submit" name="type" value="CANCEL" disabled={pending}>
                Cancel
              </button>
            </div>
            <button
              className="btn btn-link"
              type="submit"
              name="type"
              value="DISABLE_MFA"
              disabled={pending}
              onClick={(e) => {
                if (!window.confirm("Turn off two-step verification? Signing in will need only your password.")) e.preventDefault();
              }}
            >
              Turn off two-step verification
            </button>
          </div>
        )}
      </FlowForm>
    </section>
    {recoveryCodes && <RecoveryCodesSummary flowId={flowId} status={recoveryCodes} />}
    </>
  );
}
