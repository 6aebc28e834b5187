"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserCapabilityFields } from "@/components/flows/browser-capability-fields";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { useTranslations } from "use-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { DeviceSummary, PasskeyStorage } from "@/lib/devices/list-devices";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { RecoveryCodesSummary } from "@/components/flows/recovery-codes/recovery-codes-summary";
import { placed } from "@/components/i18n/placed";

const storageKey = { synced: "synced", "device-bound": "deviceBound" } as const satisfies Record<PasskeyStorage, string>;

/** "Passkey · Google Password Manager": the authenticator's own name, unless the nickname already says it. */
function kindOf(d: DeviceSummary, typeLabel: string) {
  return d.authenticatorName && d.authenticatorName !== d.nickname ? `${typeLabel} · ${d.authenticatorName}` : typeLabel;
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
  const t = useTranslations("devices");
  return (
    <>
    <section className="card stack" aria-labelledby="devices-heading">
      {recovered && <FocusedNotice tone="warning" message={recovered} />}
      {notice && <Notice tone="success">{notice}</Notice>}
      {alert && <Notice tone="error">{alert}</Notice>}
      <div>
        <h1 id="devices-heading">{t("list.heading")}</h1>
        <p className="muted">{t("list.intro")}</p>
      </div>
      <FlowForm flowId={flowId} label={t("list.formLabel")}>
        {(_state, pending) => (
          <>
            {devices.length === 0 ? (
              <Notice>{t("list.empty")}</Notice>
            ) : (
              <ul className="device-list" aria-label={t("list.listLabel")}>
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
                          {d.isDefault && <span className="badge badge-default">{t("list.default")}</span>}{" "}
                          <span className={`badge ${d.status === "BLOCKED" ? "badge-blocked" : "badge-active"}`}>{t(`statuses.${d.status}`)}</span>{" "}
                          {d.passkeyStorage && (
                            <span className="badge" title={t(`list.${storageKey[d.passkeyStorage]}Hint`)}>
                              {t(`list.${storageKey[d.passkeyStorage]}`)}
                            </span>
                          )}
                        </span>
                        <br />
                        <span className="device-meta" id={`${d.id}-meta`}>
                          {kindOf(d, t(`types.${d.type}`))}
                          {d.maskedTarget ? ` · ${d.maskedTarget}` : ""} · {/* A phone is made when its pairing starts, minutes before it pairs: the same day. */}
                          {placed((v) => t(d.type === "MOBILE" ? "list.paired" : "list.added", v), { date: <LocalTime value={d.createdAt} format="date" /> })}
                          {d.lastUsedAt && (
                            <>
                              {" "}
                              · {placed((v) => t("list.lastUsed", v), { time: <LocalTime value={d.lastUsedAt} format="relative" /> })}
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
      <FlowForm flowId={flowId} label={t("list.actionsLabel")}>
        {(_state, pending) => (
          <div className="spread">
            <div className="row">
              <BrowserCapabilityFields />
              {canAdd && (
                <SubmitButton pending={pending} name="type" value="ADD">
                  {t("list.add")}
                </SubmitButton>
              )}
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="DONE">
                {t("list.done")}
              </SubmitButton>
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="CANCEL">
                {t("list.cancel")}
              </SubmitButton>
            </div>
            <ConfirmAction
              trigger={t("list.disableTrigger")}
              title={t("list.disableTitle")}
              confirmLabel={t("list.disableConfirm")}
              cancelLabel={t("list.disableCancel")}
              value="DISABLE_MFA"
              pending={pending}
            >
              <p>{t("list.disableBody")}</p>
            </ConfirmAction>
          </div>
        )}
      </FlowForm>
    </section>
    {recoveryCodes && <RecoveryCodesSummary flowId={flowId} status={recoveryCodes} />}
    </>
  );
}
