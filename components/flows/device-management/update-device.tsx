"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { deviceStatusLabel } from "@/lib/devices/device-types";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import { SubmitButton } from "@/components/ui/submit-button";

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
                <SubmitButton pending={pending} className="btn btn-danger" name="type" value="CONFIRM_REMOVE">
                  {lastActive ? "Remove and turn off two-step verification" : "Yes, remove device"}
                </SubmitButton>
                <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="BACK">
                  Keep device
                </SubmitButton>
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
              <SubmitButton pending={pending} className="btn" name="type" value="RENAME">
                Save name
              </SubmitButton>
            </div>
          </>
        )}
      </FlowForm>
      <FlowForm flowId={flowId} label="Device options">
        {(_state, pending) => (
          <div className="row">
            {actions.includes("MAKE_DEFAULT") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="MAKE_DEFAULT">
                Make default
              </SubmitButton>
            )}
            {actions.includes("BLOCK") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="BLOCK">
                Block
              </SubmitButton>
            )}
            {actions.includes("UNBLOCK") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="UNBLOCK">
                Unblock
              </SubmitButton>
            )}
            <SubmitButton pending={pending} className="btn btn-danger" name="type" value="REMOVE">
              Remove
            </SubmitButton>
            <SubmitButton pending={pending} className="btn btn-link" name="type" value="BACK">
              Back to devices
            </SubmitButton>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
