"use client";

import { LinkActions } from "@/components/flows/link-actions";

/** Back and Cancel, the way out of every registration step. */
export function StepButtons({ pending, canCancel, back = true }: { pending: boolean; canCancel: boolean; back?: boolean }) {
  return (
    <LinkActions
      pending={pending}
      links={[
        { event: "BACK", label: "Back", show: back },
        { event: "CANCEL", label: "Cancel", show: canCancel },
      ]}
    />
  );
}
