"use client";

import { useEffect } from "react";
import type { WidgetResultMessage } from "@/lib/widget/widget-params";

/**
 * Hands the flow's JSON result to the host page. The target origin is the host's, checked against
 * the allowed origins by the server before this renders, so the result never goes anywhere else.
 */
export function PostResult({ message, parentOrigin }: { message: WidgetResultMessage; parentOrigin: string }) {
  useEffect(() => {
    if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
  }, [message, parentOrigin]);
  return null;
}
