"use client";

import { useTranslations } from "use-intl";
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
  const t = useTranslations("signIn.reset");
  const { state, pending, onSubmit } = useKeptFormAction(action);
  if (state.status === "success") {
    return (
      <div className="stack">
        <FocusedNotice tone="success" message={state.message ?? t("changedFallback")} focusKey={state} />
        <a className="btn btn-block" href="/sign-in">
          {t("signIn")}
        </a>
      </div>
    );
  }
  const linkUnusable = state.status === "error" && !state.fieldErrors;
  return (
    <ClientForm onSubmit={onSubmit} className="stack auth-form" aria-label={t("formLabel")}>
      {state.status === "error" && state.message && (
        <FocusedNotice tone="error" message={state.message} focusKey={state}>
          {linkUnusable && (
            <p>
              <a href="/forgot-password">{t("askNewLink")}</a>
            </p>
          )}
        </FocusedNotice>
      )}
      <input type="hidden" name="token" value={token} />
      <PasswordField
        label={t("newPassword")}
        name="password"
        autoComplete="new-password"
        hint={t("hint")}
        required
        errors={state.fieldErrors?.password}
      />
      <button className="btn btn-block" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </ClientForm>
  );
}
