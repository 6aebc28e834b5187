"use client";

import { useSyncExternalStore, type FormHTMLAttributes } from "react";

const subscribeToNothing = () => () => {};

/**
 * A form that only its onSubmit handler sends. Until React has hydrated the page its controls are
 * disabled, and it says POST: a click before hydration would otherwise be the browser's own GET of
 * the same page, lost, with the fields (a password among them) in the URL. Tests and people alike
 * wait for an enabled button instead of racing hydration.
 */
export function ClientForm({ children, ...props }: Omit<FormHTMLAttributes<HTMLFormElement>, "method" | "action">) {
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return (
    <form method="post" noValidate {...props}>
      <fieldset className="form-fields" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
