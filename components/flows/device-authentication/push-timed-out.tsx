"use client";

import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { useLeaveLinks } from "@/components/flows/device-authentication/other-choices";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { placed } from "@/components/i18n/placed";
import { SubmitButton } from "@/components/ui/submit-button";

/** Mobile app timed out: the phone did not answer in time; send another request, or confirm another way. */
export function PushTimedOutSection({ flowId, device, actions }: { flowId: string; device: DeviceChoice; actions: string[] }) {
  const t = useTranslations("authentication.push");
  const leaveLinks = useLeaveLinks();
  return (
    <section className="card stack" aria-labelledby="push-timeout-heading">
      <h1 id="push-timeout-heading">{t("timedOutHeading")}</h1>
      <p>{placed((v) => t("expired", v), { nickname: <strong>{device.nickname}</strong> })}</p>
      <FlowForm flowId={flowId} label={t("whatNext")}>
        {(_s, pending) => (
          <>
            <div className="row">
              {actions.includes("RETRY") && (
                <SubmitButton pending={pending} className="btn" name="type" value="RETRY">
                  {t("retry")}
                </SubmitButton>
              )}
              {actions.includes("USE_PASSCODE") && (
                <SubmitButton pending={pending} className="btn btn-secondary" name="type" value="USE_PASSCODE">
                  {t("usePasscode")}
                </SubmitButton>
              )}
            </div>
            <LinkActions
              pending={pending}
              links={leaveLinks(actions)}
            />
          </>
        )}
      </FlowForm>
    </section>
  );
}
