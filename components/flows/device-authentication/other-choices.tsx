"use client";

import { FlowForm } from "@/components/flows/flow-form";
import { LinkActions } from "@/components/flows/link-actions";

/**
 * The ways out of every authentication section: another device, a recovery code (at sign-in), or
 * Cancel, as its actions allow.
 */
export function leaveLinks(actions: string[], changeLabel = "Use another device") {
  return [
    { event: "CHANGE_DEVICE", label: changeLabel, show: actions.includes("CHANGE_DEVICE") },
    { event: "USE_RECOVERY_CODE", label: "Use a recovery code", show: actions.includes("USE_RECOVERY_CODE") },
    { event: "CANCEL", label: "Cancel", show: actions.includes("CANCEL") },
  ];
}

/**
 * A section's own "Other choices" form holding only those ways out (a waiting page, a passkey prompt);
 * nothing when the flow allows neither. `busy`: the section is working on something else meanwhile.
 */
export function OtherChoices({ flowId, actions, changeLabel, busy = false }: { flowId: string; actions: string[]; changeLabel?: string; busy?: boolean }) {
  if (!["CHANGE_DEVICE", "USE_RECOVERY_CODE", "CANCEL"].some((a) => actions.includes(a))) return null;
  return (
    <FlowForm flowId={flowId} label="Other choices">
      {(_s, pending) => <LinkActions pending={pending || busy} links={leaveLinks(actions, changeLabel)} />}
    </FlowForm>
  );
}
