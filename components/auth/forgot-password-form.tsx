"use client";

import { useTranslations } from "use-intl";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import "./sign-in.css";

/** "Forgot password?": one email field; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm({ action }: { action: (prev: ActionResult, data: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("signIn.forgot");
  const { state, pending, onSubmit } = useKeptFormAction(action);
  return (
    <ClientForm onSubmit={onSubmit} className="stack auth-form" aria-label={t("formLabel")}>
      {state.status === "success" && state.message && <FocusedNotice tone="success" message={state.message} focusKey={state} />}
      {state.status === "error" && state.message && !state.fieldErrors && <FocusedNotice tone="error" message={state.message} focusKey={state} />}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required errors={state.fieldErrors?.email} />
      <button className="btn btn-block" type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </button>
    </ClientForm>
  );
}
