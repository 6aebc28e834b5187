"use client";

import { useEffect, useState, type ButtonHTMLAttributes } from "react";

type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  /** The form's request is running: every button of the form is disabled, the clicked one spins. */
  pending: boolean;
};

/**
 * A form's submit button that shows its action is under way: disabled while the form's request runs
 * (a second click would send the event twice), with a spinner on the button that was pressed and
 * aria-busy for screen readers. Its accessible name stays the label, so nothing moves under a person
 * or a test that finds it by name.
 */
export function SubmitButton({ pending, className = "btn", children, onClick, disabled, ...props }: SubmitButtonProps) {
  const [pressed, setPressed] = useState(false);
  // The spinner belongs to the press that started this request; the next request starts unpressed.
  useEffect(() => {
    if (!pending) setPressed(false);
  }, [pending]);
  const busy = pending && pressed;
  return (
    <button
      {...props}
      type="submit"
      className={className}
      disabled={disabled || pending}
      aria-busy={busy || undefined}
      data-busy={busy || undefined}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) setPressed(true);
      }}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
