"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * An in-page confirmation in place of window.confirm: the trigger opens a short panel inside the form
 * that says what will happen, with the confirming submit button (the event) and Cancel. Focus moves to
 * Cancel, the choice that changes nothing; Escape or Cancel closes it and returns focus to the
 * trigger. Nothing is sent until the confirming button is pressed.
 */
export function ConfirmAction({
  trigger,
  triggerClassName = "btn btn-link",
  title,
  children,
  confirmLabel,
  confirmClassName = "btn btn-danger",
  cancelLabel,
  name = "type",
  value,
  pending,
}: {
  trigger: string;
  triggerClassName?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmClassName?: string;
  /** Say what cancelling keeps when the form has a Cancel of its own. */
  cancelLabel?: string;
  /** The confirming button's name and value, sent with the form like any submit button's. */
  name?: string;
  value: string;
  pending: boolean;
}) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const messageId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) cancelRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button ref={triggerRef} type="button" className={triggerClassName} disabled={pending} onClick={() => setOpen(true)}>
        {trigger}
      </button>
    );
  }
  return (
    <div
      className="confirm-panel"
      role="group"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <p id={titleId} className="confirm-title">
        {title}
      </p>
      <div id={messageId} className="confirm-message">
        {children}
      </div>
      <div className="row">
        <SubmitButton pending={pending} className={confirmClassName} name={name} value={value}>
          {confirmLabel}
        </SubmitButton>
        <button ref={cancelRef} type="button" className="btn btn-secondary" disabled={pending} onClick={() => setOpen(false)}>
          {cancelLabel ?? t("cancel")}
        </button>
      </div>
    </div>
  );
}
