"use client";

import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

export function SignUpForm({ action }: { action: (prev: ActionResult, data: FormData) => Promise<ActionResult> }) {
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit } = useKeptFormAction(action);

  // The account exists now; sign in with what was typed, the same way the sign-in page does.
  useEffect(() => {
    if (state.status !== "success" || !form.current) return;
    const data = new FormData(form.current);
    void signIn("password", { email: data.get("email"), password: data.get("password"), redirect: false }).then((r) =>
      window.location.assign(r?.error ? "/sign-in" : "/account"),
    );
  }, [state]);

  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="stack">
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "success" && <Notice tone="success">Account created. Signing you in…</Notice>}
      <Field label="Full name" name="name" autoComplete="name" required errors={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A phrase of a few words is easy to remember."
        required
        errors={errors.password}
      />
      <button className="btn btn-block" type="submit" disabled={pending || state.status === "success"}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
