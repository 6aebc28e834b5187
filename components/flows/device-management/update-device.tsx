"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import { useTranslations } from "use-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import { SubmitButton } from "@/components/ui/submit-button";
import { placed } from "@/components/i18n/placed";

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
  const t = useTranslations("devices");
  const heading = (
    <div className="row">
      <DeviceIcon type={device.type} />
      <div>
        <h1 id="update-heading">{device.nickname}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t(`types.${device.type}`)}
          {device.maskedTarget ? ` · ${device.maskedTarget}` : ""} · {t(`statuses.${device.status}`)}
          {device.isDefault ? ` · ${t("update.default")}` : ""}
        </p>
      </div>
    </div>
  );

  if (confirmRemoval) {
    return (
      <section className="card stack" aria-labelledby="update-heading">
        {heading}
        <FlowForm flowId={flowId} label={t("update.confirmLabel")}>
          {(_state, pending) => (
            <>
              {lastActive ? (
                <Notice tone="warning">
                  <strong>{t("update.lastActiveTitle")}</strong> {t("update.lastActiveBody")}
                </Notice>
              ) : (
                <Notice tone="warning">{t("update.noLonger", { name: device.nickname })}</Notice>
              )}
              <div className="row">
                <SubmitButton pending={pending} className="btn btn-danger" name="type" value="CONFIRM_REMOVE">
                  {lastActive ? t("update.removeAndTurnOff") : t("update.confirmRemove")}
                </SubmitButton>
                <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="BACK">
                  {t("update.keep")}
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
        <Notice tone="warning">{placed((v) => t("update.locked", v), { time: <LocalTime value={device.lockedUntil} /> })}</Notice>
      )}
      <FlowForm flowId={flowId} label={t("update.renameLabel")}>
        {(state, pending) => (
          <>
            <Field
              label={t("update.name")}
              name="nickname"
              defaultValue={device.nickname}
              maxLength={60}
              required
              errors={state.fieldErrors?.nickname}
            />
            <div>
              <SubmitButton pending={pending} className="btn" name="type" value="RENAME">
                {t("update.save")}
              </SubmitButton>
            </div>
          </>
        )}
      </FlowForm>
      <FlowForm flowId={flowId} label={t("update.optionsLabel")}>
        {(_state, pending) => (
          <div className="row">
            {actions.includes("MAKE_DEFAULT") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="MAKE_DEFAULT">
                {t("update.makeDefault")}
              </SubmitButton>
            )}
            {actions.includes("BLOCK") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="BLOCK">
                {t("update.block")}
              </SubmitButton>
            )}
            {actions.includes("UNBLOCK") && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="UNBLOCK">
                {t("update.unblock")}
              </SubmitButton>
            )}
            <SubmitButton pending={pending} className="btn btn-danger" name="type" value="REMOVE">
              {t("update.remove")}
            </SubmitButton>
            <SubmitButton pending={pending} className="btn btn-link" name="type" value="BACK">
              {t("update.back")}
            </SubmitButton>
          </div>
        )}
      </FlowForm>
    </section>
  );
}
