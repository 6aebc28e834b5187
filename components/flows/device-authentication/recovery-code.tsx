"use client";

import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";
import { useLeaveLinks } from "@/components/flows/device-authentication/other-choices";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * A recovery code instead of a device, at sign-in (issue 14): one of the ten codes saved when two-step
 * verification was set up. Without codes left, the section says so and offers the devices again.
 */
export function RecoveryCodeSection({ flowId, notice, left, actions }: { flowId: string; notice: string | null; left: number; actions: string[] }) {
  const t = useTranslations("authentication");
  const leaveLinks = useLeaveLinks();
  const canSubmit = actions.includes("SUBMIT_RECOVERY_CODE");
  return (
    <section className="card stack" aria-labelledby="recovery-code-heading">
      <h1 id="recovery-code-heading">{t("recoveryCode.heading")}</h1>
      {notice && <Notice tone="warning">{notice}</Notice>}
      {canSubmit ? (
        <p>{t("recoveryCode.intro")}</p>
      ) : (
        <Notice tone="warning">{t("recoveryCode.noneLeft")}</Notice>
      )}
      <FlowForm flowId={flowId} label={t("recoveryCode.formLabel")}>
        {(state, pending) => (
          <>
            {canSubmit && (
              <Field
                label={t("recoveryCode.label")}
                name="code"
                hint={t("recoveryCode.hint", { left })}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                required
                errors={state.fieldErrors?.code}
              />
            )}
            <div className="spread">
              {canSubmit && (
                <button className="btn" type="submit" name="type" value="SUBMIT_RECOVERY_CODE" disabled={pending}>
                  {t("recoveryCode.verify")}
                </button>
              )}
              <LinkActions pending={pending} links={leaveLinks(actions, t("choices.deviceInstead"))} />
            </div>
          </>
        )}
      </FlowForm>
    </section>
  );
}
