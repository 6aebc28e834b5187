"use client";

import { ClientForm } from "@/components/ui/client-form";
import { useState } from "react";
import { signIn } from "next-auth/react";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { checkSignInFields } from "@/lib/validations/sign-in-fields";
import { detectBrowserHint, rememberBrowserHint } from "@/lib/flows/browser-hint";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { signInErrorMessage, type SignInRefusal } from "@/lib/auth/sign-in-errors";
import { authErrorCode, authErrorMessage } from "@/lib/auth/auth-errors";
import type { ActionResult } from "@/lib/actions/action-result";

type Errors = Record<string, string[] | undefined>;

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

export function SignInForm({ callbackUrl, requestConfirmation }: { callbackUrl?: string; requestConfirmation: Action }) {
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<(SignInRefusal & { email: string }) | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkSignInFields(new FormData(event.currentTarget));
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setRefusal(null);
    setPending(true);
    // For the second-factor page, which then opens on the device choice (lib/flows/browser-hint.ts).
    rememberBrowserHint(await detectBrowserHint());
    const result = await signIn("password", { ...checked.fields, redirect: false });
    if (!result || result.error) {
      setPending(false);
      // Only a refusal means the email or password is wrong; a busy service checked neither, and a wait
      // or an unconfirmed address explains itself (lib/auth/sign-in-errors.ts).
      const code = authErrorCode(result?.error);
      const words = code === "ServiceBusy" ? { kind: "busy" as const, message: authErrorMessage(code) } : signInErrorMessage(code);
      setRefusal({ ...words, email: checked.fields.email });
      return;
    }
    // A full navigation, so every server component renders with the new session.
    window.location.assign(safeReturnPath(callbackUrl, { origin: window.location.origin }));
  }

  return (
    <div className="stack">
      {refusal && (
        <FocusedNotice tone="error" message={refusal.message} focusKey={refusal}>
          {refusal.kind === "unverified" && <ResendConfirmation action={requestConfirmation} email={refusal.email} />}
        </FocusedNotice>
      )}
      <ClientForm onSubmit={onSubmit} className="stack">
        <Field label="Email" name="email" type="email" autoComplete="username" required errors={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
        <button className="btn btn-block" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </ClientForm>
    </div>
  );
}

/** A new confirmation link for an account whose address is not confirmed yet (rate limited on the server). */
function ResendConfirmation({ action, email }: { action: Action; email: string }) {
  const { state, pending, onSubmit } = useKeptFormAction(action);
  if (state.status === "success") return <p role="status">{state.message}</p>;
  return (
    <ClientForm onSubmit={onSubmit}>
      {state.status === "error" && state.message && <p>{state.message}</p>}
      <input type="hidden" name="email" value={email} />
      <button className="btn btn-secondary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a new confirmation link"}
      </button>
    </ClientForm>
  );
}

export function MagicLinkRequestForm({ action }: { action: (prev: ActionResult, data: FormData) => Promise<ActionResult> }) {
  const { state, pending, onSubmit } = useKeptFormAction(action);
  return (
    <ClientForm onSubmit={onSubmit} className="stack">
      {state.status === "success" && state.message && <FocusedNotice tone="success" message={state.message} focusKey={state} />}
      {state.status === "error" && state.message && !state.fieldErrors && <FocusedNotice tone="error" message={state.message} focusKey={state} />}
      <Field label="Email for a sign-in link" id="magic-email" name="email" type="email" autoComplete="email" required errors={state.fieldErrors?.email} />
      <button className="btn btn-secondary btn-block" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </ClientForm>
  );
}

/** Sign in with a discoverable passkey: no email, no password; with user verification it is both factors. */
export function PasskeySignInButton({ getOptions, callbackUrl }: { getOptions: () => Promise<unknown>; callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    setMessage(null);
    try {
      // Loaded on the click: most people sign in with a password, and first-load JS is kept small.
      const [options, { startAuthentication }] = await Promise.all([getOptions(), import("@simplewebauthn/browser")]);
      const response = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
      const result = await signIn("passkey", { response: JSON.stringify(response), redirect: false });
      if (!result || result.error) throw new Error("refused");
      window.location.assign(safeReturnPath(callbackUrl, { origin: window.location.origin }));
    } catch {
      setPending(false);
      setMessage("We could not sign you in with a passkey. Try again, or use your email and password.");
    }
  }
  return (
    <div className="stack">
      {message && <Notice tone="error">{message}</Notice>}
      <button className="btn btn-secondary btn-block" type="button" onClick={onClick} disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
    </div>
  );
}
