"use client";

import { FocusedNotice } from "@/components/ui/focused-notice";
import type { ApplicationsResult } from "@/app/admin/applications/actions";

/**
 * What an action answered, taking the focus: a success, or the refusal with, when the change needs a
 * fresh sign-in, the way to confirm it and come back here.
 */
export function ResultNotice({ result }: { result: ApplicationsResult }) {
  if (result.status === "idle" || !result.message) return null;
  if (result.status === "success") return <FocusedNotice tone="success" message={result.message} focusKey={result} />;
  return (
    <FocusedNotice tone="error" message={result.message} focusKey={result}>
      {result.confirmPath && (
        <>
          {" "}
          <a href={result.confirmPath}>Confirm it&apos;s you</a>, then make the change again.
        </>
      )}
    </FocusedNotice>
  );
}
