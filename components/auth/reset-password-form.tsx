"use client";

import { ClientForm } from "@/components/ui/client-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { PasswordField } from "@/components/auth/password-field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import "./sign-in.css";

/**
 * The new password, sent with the link's token. This POST is what spends the link; until it succeeds
 * the link stays usable, so a refused password is simply typed again.
 */
export function ResetPasswordForm({ token, action }: { token: string; action: (prev: ActionResult, data: FormData) => Promise<ActionResult> }) {
  const { state, pending, onSubmit } = useKeptFormAction(action);
  if (state.status === "success") {
    return (
      <div className="stack">
        <FocusedNotice tone="success" message={state.message ?? "Your password is changed."} focusKey={state} />
        <a className="btn btn-block" href="/sign-in">
          Sign in
        </a>
      </div>
    );
  }
  const linkUnusable = state.status === "error" && !state.fieldErrors;
  return (
    <ClientForm onSubmit={onSubmit} className="stack auth-form" aria-label="Choose a new password">
      {state.status === "error" && state.message && (
        <FocusedNotice tone="error" message={state.message} focusKey={state}>
          {linkUnusable && (
            <p>
              <a href="/forgot-password">Ask for a new link</a>
            </p>
          )}
        </FocusedNotice>
      )}
      <input type="hidden" name="token" value={token} />
      <PasswordField
        label="New password"
        name="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
        required
        errors={state.fieldErrors?.password}
      />
      <button className="btn btn-block" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </ClientForm>
  );
}
