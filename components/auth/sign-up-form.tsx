"use client";

import { useTranslations } from "use-intl";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * The answer is "check your email" whether the address is new or already has an account: the account
 * can be used once the emailed link confirms the address, so nothing signs in here.
 */
export function SignUpForm({ action }: { action: (prev: ActionResult, data: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("signIn.signUp");
  const { state, pending, onSubmit } = useKeptFormAction(action);
  if (state.status === "success") {
    return <FocusedNotice tone="success" message={state.message ?? t("checkEmailFallback")} />;
  }
  const errors = state.fieldErrors ?? {};
  return (
    <ClientForm onSubmit={onSubmit} className="stack">
      {state.status === "error" && state.message && <FocusedNotice tone="error" message={state.message} focusKey={state} />}
      <Field label={t("name")} name="name" autoComplete="name" required errors={errors.name} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required errors={errors.email} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        required
        errors={errors.password}
      />
      <button className="btn btn-block" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </ClientForm>
  );
}
