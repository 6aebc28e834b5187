"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import type { Eligibility } from "@/lib/devices/device-eligibility";
import { deviceTypeLabel } from "@/lib/devices/device-types";
import { SubmitButton } from "@/components/ui/submit-button";

const describe: Record<Eligibility["type"], string> = {
  PLATFORM: "Use this device's fingerprint, face or screen lock. The strongest and easiest choice.",
  SECURITY_KEY: "A USB, NFC or Bluetooth key you plug in or tap.",
  MOBILE: "Approve sign-ins on your phone with our authenticator app, or use the code it shows.",
  TOTP: "Six-digit codes from an app such as Google Authenticator, Microsoft Authenticator or 1Password.",
  SMS: "We text a code to your mobile phone.",
  VOICE: "We call your phone and read out a code.",
  EMAIL: "We email a code to you.",
};

/** User select device to register with: the offered types, password instead, cancel. */
export function SelectDeviceSection({
  flowId,
  eligibility,
  allowPassword,
  canCancel,
}: {
  flowId: string;
  eligibility: Eligibility[];
  allowPassword: boolean;
  canCancel: boolean;
}) {
  return (
    <section className="card stack" aria-labelledby="select-heading">
      <div>
        <h1 id="select-heading">Add a device</h1>
        <p className="muted">Choose how you want to confirm it&apos;s you when you sign in.</p>
      </div>
      <FlowForm flowId={flowId} label="Kinds of device">
        {(_state, pending) => (
          <>
            <input type="hidden" name="type" value="SELECT_TYPE" />
            <ul className="device-list" aria-label="Kinds of device">
              {eligibility.map((e) => (
                <li className="device-item" key={e.type}>
                  <button
                    type="submit"
                    name="deviceType"
                    value={e.type}
                    disabled={pending || !e.available}
                    aria-describedby={`type-${e.type}-desc`}
                  >
                    <DeviceIcon type={e.type} />
                    <span className="device-main">
                      <span className="device-name">{deviceTypeLabel[e.type]}</span>
                      <br />
                      <span className="device-meta" id={`type-${e.type}-desc`}>
                        {e.available ? describe[e.type] : e.reason}
                      </span>
                    </span>
                    <span className="chevron" aria-hidden="true">›</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </FlowForm>
      <FlowForm flowId={flowId} label="Other choices">
        {(_state, pending) => (
          <div className="row">
            {allowPassword && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="USE_PASSWORD">
                Use a password instead
              </SubmitButton>
            )}
            {canCancel && (
              <SubmitButton pending={pending} className="btn btn-link" name="type" value="CANCEL">
                Cancel
              </SubmitButton>
            )}
          </div>
        )}
      </FlowForm>
    </section>
  );
}
