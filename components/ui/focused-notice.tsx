"use client";

import { useEffect, useRef } from "react";
import { Notice } from "@/components/ui/notice";

/**
 * A notice that takes the keyboard focus when it appears or its message changes, so a person using a
 * screen reader or keyboard lands on the answer to what they just submitted.
 */
export function FocusedNotice({
  tone,
  message,
  focusKey,
  children,
}: {
  tone: "success" | "error" | "warning";
  message: string;
  /** Changes when the same message is given again for a new attempt (defaults to the message). */
  focusKey?: unknown;
  children?: React.ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const key = focusKey ?? message;
  useEffect(() => {
    box.current?.focus();
  }, [key]);
  return (
    <div ref={box} tabIndex={-1} className="focus-target">
      <Notice tone={tone}>
        {message}
        {children}
      </Notice>
    </div>
  );
}
