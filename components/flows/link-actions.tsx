"use client";

import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The quiet ways out of a flow section (Back, Cancel, Use another device…): link-styled submit
 * buttons whose value is the event. They skip field validation, since leaving needs no valid input.
 */
export function LinkActions({ pending, links }: { pending: boolean; links: { event: string; label: string; show?: boolean }[] }) {
  const shown = links.filter((l) => l.show !== false);
  if (shown.length === 0) return null;
  return (
    <div className="row">
      {shown.map((l) => (
        <SubmitButton key={l.event} pending={pending} className="btn btn-link" name="type" value={l.event} formNoValidate>
          {l.label}
        </SubmitButton>
      ))}
    </div>
  );
}
