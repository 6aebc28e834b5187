"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserCapabilityFields } from "@/components/flows/browser-capability-fields";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { deviceStatusLabel } from "@/lib/devices/device-types";
import { LocalTime } from "@/components/ui/local-time";
import type { DeviceSummary, PasskeyStorage } from "@/lib/devices/list-devices";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { RecoveryCodesSummary } from "@/components/flows/recovery-codes/recovery-codes-summary";

const storageLabel: Record<PasskeyStorage, string> = { synced: "Synced", "device-bound": "Device-bound" };
const storageHint: Record<PasskeyStorage, string> = {
  synced: "Synced: copied to your other devices by your password manager or keychain",
  "device-bound": "Device-bound: it never leaves this authenticator",
};

/** "Passkey · Google Password Manager": the authenticator's own name, unless the nickname already says it. */
function kindOf(d: DeviceSummary) {
  return d.authenticatorName && d.authenticatorName !== d.nickname ? `${d.typeLabel} · ${d.authenticatorName}` : d.typeLabel;
}

/** Display User Devices: every device, Add when allowed, Done and Cancel. */
export function DeviceListSection({
  flowId,
  devices,
  canAdd,
  cannotAdd = null,
  notice,
  alert,
  recoveryCodes = null,
  recovered = null,
}: {
  flowId: string;
  devices: DeviceSummary[];
  canAdd: boolean;
  /** Why Add device is not offered (the device limit), said where the button would be. */
  cannotAdd?: string | null;
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
                      // Named by what the row shows, in its order (WCAG 2.5.3, label in name), read from the
                      // row itself, so times the browser writes in the person's zone are named as shown.
                      aria-labelledby={`${d.id}-name ${d.id}-badges ${d.id}-meta`}
                    >
                      <DeviceIcon type={d.type} />
                      <span className="device-main">
                        {/* The name's first part, with a comma to pause on; hidden, as only aria-labelledby reads it. */}
                        <span id={`${d.id}-name`} hidden>{`${d.nickname},`}</span>
                        <span className="device-name">{d.nickname}</span>{" "}
                        <span id={`${d.id}-badges`}>
                          {d.isDefault && <span className="badge badge-default">Default</span>}{" "}
                          <span className={`badge ${d.status === "BLOCKED" ? "badge-blocked" : "badge-active"}`}>{deviceStatusLabel[d.status]}</span>{" "}
                          {d.passkeyStorage && (
                            <span className="badge" title={storageHint[d.passkeyStorage]}>
                              {storageLabel[d.passkeyStorage]}
                            </span>
                          )}
                        </span>
                        <br />
                        <span className="device-meta" id={`${d.id}-meta`}>
                          {kindOf(d)}
                          {d.maskedTarget ? ` · ${d.maskedTarget}` : ""} · {/* A phone is made when its pairing starts, minutes before it pairs: the same day. */}
                          {d.type === "MOBILE" ? "paired" : "added"} <LocalTime value={d.createdAt} format="date" />
                          {d.lastUsedAt && (
                            <>
                              {" "}
                              · last used <LocalTime value={d.lastUsedAt} format="relative" />
                            </>
                          )}
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
      {!canAdd && cannotAdd && <Notice>{cannotAdd}</Notice>}
      <FlowForm flowId={flowId} label="Device actions">
        {(_state, pending) => (
          <div className="spread">
            <div className="row">
              <BrowserCapabilityFields />
              {canAdd && (
                <SubmitButton pending={pending} name="type" value="ADD">
                  Add device
                </SubmitButton>
              )}
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="DONE">
                Done
              </SubmitButton>
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="CANCEL">
                Cancel
              </SubmitButton>
            </div>
            <ConfirmAction
              trigger="Turn off two-step verification"
              title="Turn off two-step verification?"
              confirmLabel="Yes, turn it off"
              cancelLabel="Keep it on"
              value="DISABLE_MFA"
              pending={pending}
            >
              <p>Signing in will need only your password.</p>
            </ConfirmAction>
          </div>
        )}
      </FlowForm>
    </section>
    {recoveryCodes && <RecoveryCodesSummary flowId={flowId} status={recoveryCodes} />}
    </>
  );
}
