"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import "./sign-in.css";

/**
 * A password input with a "Show password" checkbox, so a person can check what they typed (NIST SP
 * 800-63B 3.1.1.2 asks for the option). Errors are announced like Field's. The checkbox is labelled
 * on its own; the input keeps the label given here, so "Password" names one control only when
 * matched exactly.
 */
export function PasswordField({
  label,
  name,
  errors,
  hint,
  after,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: string; after?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const [shown, setShown] = useState(false);
  const fallbackId = useId();
  const id = input.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const toggleId = `${fallbackId}-show`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        {...input}
        type={shown ? "text" : "password"}
      />
      <div id={errorId} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </div>
      <div className="password-extras">
        <span className="show-password">
          <input id={toggleId} type="checkbox" checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} aria-controls={id} />
          <label htmlFor={toggleId}>Show password</label>
        </span>
        {after}
      </div>
    </div>
  );
}
