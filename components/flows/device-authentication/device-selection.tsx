"use client";

import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";

/** Device selection: the masked devices, default first, the emailed link, cancel. */
export function DeviceSelectionSection({
  flowId,
  devices,
  magicLink,
  recoveryCode = false,
  canCancel,
}: {
  flowId: string;
  devices: DeviceChoice[];
  magicLink: boolean;
  /** At sign-in: "Use a recovery code", for when the devices are lost. */
  recoveryCode?: boolean;
  canCancel: boolean;
}) {
  const t = useTranslations("authentication.selection");
  const types = useTranslations("devices.types");
  return (
    <section className="card stack" aria-labelledby="choose-heading">
      <div>
        <h1 id="choose-heading">{t("heading")}</h1>
        <p className="muted">{t("intro")}</p>
      </div>
      <FlowForm flowId={flowId} label={t("devices")}>
        {(_state, pending) => (
          <>
            <input type="hidden" name="type" value="SELECT_DEVICE" />
            <ul className="device-list" aria-label={t("devices")}>
              {devices.map((d) => (
                <li className="device-item" key={d.id}>
                  <button type="submit" name="deviceId" value={d.id} disabled={pending}>
                    <DeviceIcon type={d.type} />
                    <span className="device-main">
                      <span className="device-name">{d.nickname}</span> {d.isDefault && <span className="badge badge-default">{t("default")}</span>}
                      <br />
                      <span className="device-meta">
                        {types(d.type)}
                        {d.maskedTarget ? ` · ${d.maskedTarget}` : ""}
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
      {(magicLink || recoveryCode || canCancel) && (
        <FlowForm flowId={flowId} label={t("otherWays")}>
          {(_state, pending) => (
            <div className="row">
              {magicLink && (
                <button className="btn btn-secondary" type="submit" name="type" value="MAGIC_LINK" disabled={pending}>
                  {t("magicLink")}
                </button>
              )}
              {recoveryCode && (
                <button className="btn btn-link" type="submit" name="type" value="USE_RECOVERY_CODE" disabled={pending}>
                  {t("recoveryCode")}
                </button>
              )}
              {canCancel && (
                <button className="btn btn-link" type="submit" name="type" value="CANCEL" disabled={pending}>
                  {t("cancel")}
                </button>
              )}
            </div>
          )}
        </FlowForm>
      )}
    </section>
  );
}
