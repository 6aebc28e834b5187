"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { deviceStatusLabel } from "@/lib/devices/device-types";
import type { DeviceSummary } from "@/lib/devices/list-devices";

/** Update Device: Save (rename), Default, Block/Unblock, Remove; removal is confirmed first. */
export function UpdateDeviceSection({
  flowId,
  device,
  actions,
  confirmRemoval,
  lastActive,
}: {
  flowId: string;
  device: DeviceSummary;
  actions: string[];
  confirmRemoval: boolean;
  lastActive: boolean;
}) {
  const heading = (
    <div className="row">
      <DeviceIcon type={device.type} />
      <div>
        <h1 id="update-heading">{device.nickname}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {device.typeLabel}
          {device.maskedTarget ? ` · ${device.maskedTarget}` : ""} · {deviceStatusLabel[device.status]}
          {device.isDefault ? " · Default" : ""}
        </p>
      </div>
    </div>
  );

  if (confirmRemoval) {
    return (
      <section className="card stack" aria-labelledby="update-heading">
        {heading}
        <FlowForm flowId={flowId} label="Confirm removal">
          {(_state, pending) => (
            <>
              {lastActive ? (
                <Notice tone="warning">
                  <strong>This is your last active device.</strong> Removing it turns two-step verification off, and signing in
                  will need only your password until you add another device.
                </Notice>
              ) : (
                <Notice tone="warning">You will no longer be able to use “{device.nickname}” to sign in.</Notice>
              )}
              <div className="row">
                <button className="btn btn-danger" type="submit" name="type" value="CONFIRM_REMOVE" disabled={pending}>
                  {lastActive ? "Remove and turn off two-step verification" : "Yes, remove device"}
                </button>
                <button className="btn btn-secondary" type="submit" name="type" value="BACK" disabled={pending}>
                  Keep device
                </button>
              </div>
            </>
          )}
        </FlowForm>
      </section>
    );
  }

  return (
    <section className="card stack" aria-labelledby="update-heading">
      {heading}
      {device.lockedUntil && (
        <Notice tone="warning">Too many wrong codes: this device is locked until {new Date(device.lockedUntil).toUTCString()}.</Notice>
      )}
      <FlowForm flowId={flowId} label="Rename device">
        {(state, pending) => (
          <>
            <Field
              label="Device name"
              name="nickname"
              defaultValue={device.nickname}
              maxLength={60}
              required
              errors={state.fieldErrors?.nickname}
            />
            <div>
              <button className="btn" type="submit" name="type" value="RENAME" disabled={pending}>
                Save name
              </button>
            </div>
          </>
        )}
      </FlowForm>
      <FlowForm flowId={flowId} label="Device options">
        {(_state, pending) => (
          <div className="row">
            {actions.includes("MAKE_DEFAULT") && (
              <button className="btn btn-secondary" type="submit" name="type" value="MAKE_DEFAULT" disabled={pending}>
                Make default
              </button>
            )}
            {actions.includes("BLOCK") && (
              <button className="btn btn-secondary" type="submit" name="type" value="BLOCK" disabled={pending}>
                Block
              </button>
            )}
            {actions.includes("UNBLOCK") && (
              <button className="btn btn-secondary" type="submit" name="type" value="UNBLOCK" disabled={pending}>
                Unblock
              </button>
            )}
            <button className="btn btn-danger" type="submit" name="type" value="REMOVE" disabled={pending}>
              Remove
            </button>
            <button className="btn btn-link" type="submit" name="type" value="BACK" disabled={pending}>
              Back to devices
            </button>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
