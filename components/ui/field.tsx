import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * A labelled input whose errors are announced: the message element is named by aria-describedby and
 * is a polite live region (conventions.md).
 */
export function Field({
  label,
  name,
  errors,
  hint,
  children,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: string; children?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "children">) {
  const id = input.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
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
      />
      <div id={errorId} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </div>
      {/* What belongs to the field below it (PasswordField's Show password). */}
      {children}
    </div>
  );
}
