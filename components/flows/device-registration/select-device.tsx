"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { DeviceIcon } from "@/components/flows/device-management/device-icon";
import type { Eligibility } from "@/lib/devices/device-eligibility";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";

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
  const t = useTranslations("registration");
  const types = useTranslations("devices.types");
  return (
    <section className="card stack" aria-labelledby="select-heading">
      <div>
        <h1 id="select-heading">{t("select.heading")}</h1>
        <p className="muted">{t("select.intro")}</p>
      </div>
      <FlowForm flowId={flowId} label={t("select.kinds")}>
        {(_state, pending) => (
          <>
            <input type="hidden" name="type" value="SELECT_TYPE" />
            <ul className="device-list" aria-label={t("select.kinds")}>
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
                      <span className="device-name">{types(e.type)}</span>
                      <br />
                      <span className="device-meta" id={`type-${e.type}-desc`}>
                        {e.available ? t(`select.describe.${e.type}`) : (e.reason as string | undefined)}
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
      <FlowForm flowId={flowId} label={t("otherChoices")}>
        {(_state, pending) => (
          <div className="row">
            {allowPassword && (
              <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="USE_PASSWORD">
                {t("select.usePassword")}
              </SubmitButton>
            )}
            {canCancel && (
              <SubmitButton pending={pending} className="btn btn-link" name="type" value="CANCEL">
                {t("cancel")}
              </SubmitButton>
            )}
          </div>
        )}
      </FlowForm>
    </section>
  );
}
