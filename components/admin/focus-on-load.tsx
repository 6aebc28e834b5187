"use client";

import { useEffect } from "react";

/**
 * Moves the keyboard focus to the element with `targetId` when the page arrives: after a filter or a
 * page link (a whole new page from a GET form), a screen reader or keyboard user lands on the results
 * they asked for instead of at the top of the console. The target needs tabIndex={-1}.
 */
export function FocusOnLoad({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
