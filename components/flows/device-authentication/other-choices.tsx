"use client";

import { useTranslations } from "use-intl";
import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";

/**
 * The ways out of every authentication section: another device, a recovery code (at sign-in), or
 * Cancel, as its actions allow, labelled in the reader's language. `changeLabel` replaces "Use another device".
 */
export function useLeaveLinks() {
  const t = useTranslations("authentication.choices");
  return (actions: string[], changeLabel = t("anotherDevice")) => [
    { event: "CHANGE_DEVICE", label: changeLabel, show: actions.includes("CHANGE_DEVICE") },
    { event: "USE_RECOVERY_CODE", label: t("recoveryCode"), show: actions.includes("USE_RECOVERY_CODE") },
    { event: "CANCEL", label: t("cancel"), show: actions.includes("CANCEL") },
  ];
}

/**
 * A section's own "Other choices" form holding only those ways out (a waiting page, a passkey prompt);
 * nothing when the flow allows neither. `busy`: the section is working on something else meanwhile.
 */
export function OtherChoices({ flowId, actions, changeLabel, busy = false }: { flowId: string; actions: string[]; changeLabel?: string; busy?: boolean }) {
  const t = useTranslations("authentication.choices");
  const leaveLinks = useLeaveLinks();
  if (!["CHANGE_DEVICE", "USE_RECOVERY_CODE", "CANCEL"].some((a) => actions.includes(a))) return null;
  return (
    <FlowForm flowId={flowId} label={t("label")}>
      {(_s, pending) => <LinkActions pending={pending || busy} links={leaveLinks(actions, changeLabel)} />}
    </FlowForm>
  );
}
