"use client";

import { ClientForm } from "@/components/ui/client-form";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { signIn } from "next-auth/react";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { PasswordField } from "@/components/auth/password-field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { checkEmailField, checkSignInFields } from "@/lib/validations/sign-in-fields";
import { detectBrowserHint, rememberBrowserHint } from "@/lib/flows/browser-hint";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { signInErrorMessage, type SignInRefusal } from "@/lib/auth/sign-in-errors";
import { authErrorCode, authErrorMessage } from "@/lib/auth/auth-errors";
import type { ActionResult } from "@/lib/actions/action-result";
import { placed } from "@/components/i18n/placed";
import { useWord } from "@/components/i18n/use-word";
import "./sign-in.css";

type Errors = Record<string, string[] | undefined>;

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** Identifier first: the email alone, then the password (or a sign-in link) for it. */
type Step = { step: "email" } | { step: "password"; email: string };

const EMAIL_FIELD_ID = "sign-in-email";

/**
 * The sign-in card's controls. The first step asks only for the email, and its field also offers the
 * browser's saved passkeys (WebAuthn conditional mediation): picking one signs in without a password.
 * "Continue" checks the address's shape only, never whether an account has it (security.md item 24),
 * and moves to the password step, whose heading takes the focus.
 */
export function SignInForm({
  callbackUrl,
  requestConfirmation,
  requestMagicLink,
  getPasskeyOptions,
}: {
  callbackUrl?: string;
  requestConfirmation: Action;
  /** Null when the policy turned sign-in links off. */
  requestMagicLink: Action | null;
  getPasskeyOptions: () => Promise<unknown>;
}) {
  const t = useTranslations("signIn.form");
  const [step, setStep] = useState<Step>({ step: "email" });
  const [emailError, setEmailError] = useState<string[] | undefined>();
  // The address of a password step left by "Use another email": kept in the field to be corrected.
  const [previousEmail, setPreviousEmail] = useState<string | null>(null);
  const passkey = usePasskeySignIn({ getOptions: getPasskeyOptions, callbackUrl, autofill: step.step === "email" });

  // Back on the first step by "Use another email": the field the person is about to retype.
  useEffect(() => {
    if (step.step === "email" && previousEmail !== null) document.getElementById(EMAIL_FIELD_ID)?.focus();
  }, [step.step, previousEmail]);

  function onContinue(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkEmailField(new FormData(event.currentTarget).get("email"));
    if ("error" in checked) {
      setEmailError([checked.error]);
      return;
    }
    setEmailError(undefined);
    setStep({ step: "password", email: checked.email });
  }

  return (
    <div className="stack">
      {passkey.failed && <FocusedNotice tone="error" message={t("passkeyFailed")} focusKey={passkey.messageKey} />}
      {step.step === "email" ? (
        <>
          {passkey.offer === "signing-in" && (
            <p role="status" className="notice notice-info">
              {t("passkeySigningIn")}
            </p>
          )}
          {/* data-passkey-autofill: whether the browser is offering saved passkeys now, for tests that must not race it. */}
          <ClientForm onSubmit={onContinue} className="stack auth-form" aria-label={t("label")} data-passkey-autofill={passkey.offer}>
            <Field
              id={EMAIL_FIELD_ID}
              label={t("email")}
              name="email"
              type="email"
              // "webauthn" last: the browser lists saved passkeys in this field's suggestions.
              autoComplete="username webauthn"
              defaultValue={previousEmail ?? undefined}
              required
              errors={emailError}
            />
            <button className="btn btn-block" type="submit" disabled={passkey.busy}>
              {t("continue")}
            </button>
          </ClientForm>
          <div className="divider">{t("or")}</div>
          <PasskeySignInButton passkey={passkey} />
        </>
      ) : (
        <PasswordStep
          email={step.email}
          callbackUrl={callbackUrl}
          requestConfirmation={requestConfirmation}
          requestMagicLink={requestMagicLink}
          passkey={passkey}
          onChangeEmail={() => {
            setPreviousEmail(step.email);
            setStep({ step: "email" });
          }}
        />
      )}
    </div>
  );
}

function PasswordStep({
  email,
  callbackUrl,
  requestConfirmation,
  requestMagicLink,
  passkey,
  onChangeEmail,
}: {
  email: string;
  callbackUrl?: string;
  requestConfirmation: Action;
  requestMagicLink: Action | null;
  passkey: PasskeySignIn;
  onChangeEmail: () => void;
}) {
  const t = useTranslations("signIn.form");
  const word = useWord();
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new step: its heading takes the focus, so a screen reader announces where the person now is.
  useEffect(() => heading.current?.focus(), []);

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
      setRefusal(code === "ServiceBusy" ? { kind: "busy", message: authErrorMessage(code) } : signInErrorMessage(code));
      return;
    }
    // A full navigation, so every server component renders with the new session.
    window.location.assign(safeReturnPath(callbackUrl, { origin: window.location.origin }));
  }

  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="sign-in-step-heading" id="password-step-heading">
        {t("passwordHeading")}
      </h2>
      <p className="sign-in-identity muted">{placed((v) => t("forEmail", v), { email: <strong>{email}</strong> })}</p>
      {refusal && (
        <FocusedNotice tone="error" message={word(refusal.message)} focusKey={refusal}>
          {refusal.kind === "unverified" && <ResendConfirmation action={requestConfirmation} email={email} />}
        </FocusedNotice>
      )}
      <ClientForm onSubmit={onSubmit} className="stack auth-form" aria-labelledby="password-step-heading">
        {/* The address typed on the first step, for the server and for password managers saving it. */}
        <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
        <PasswordField
          label={t("password")}
          name="password"
          autoComplete="current-password"
          required
          errors={errors.password ?? errors.email}
          after={<a href="/forgot-password">{t("forgotPassword")}</a>}
        />
        <button className="btn btn-block" type="submit" disabled={pending || passkey.busy}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </ClientForm>
      <p className="small">
        <button className="btn-link" type="button" onClick={onChangeEmail}>
          {t("useAnotherEmail")}
        </button>
      </p>
      <div className="divider">{t("or")}</div>
      <div className="stack">
        {requestMagicLink && <MagicLinkRequestForm action={requestMagicLink} email={email} />}
        <PasskeySignInButton passkey={passkey} />
      </div>
    </>
  );
}

/** A new confirmation link for an account whose address is not confirmed yet (rate limited on the server). */
function ResendConfirmation({ action, email }: { action: Action; email: string }) {
  const t = useTranslations("signIn.form");
  const { state, pending, onSubmit } = useKeptFormAction(action);
  if (state.status === "success") return <p role="status">{state.message}</p>;
  return (
    <ClientForm onSubmit={onSubmit}>
      {state.status === "error" && state.message && <p>{state.message}</p>}
      <input type="hidden" name="email" value={email} />
      <button className="btn btn-secondary" type="submit" disabled={pending}>
        {pending ? t("sending") : t("resendConfirmation")}
      </button>
    </ClientForm>
  );
}

/** A sign-in link to the address of the password step, instead of the password. */
function MagicLinkRequestForm({ action, email }: { action: Action; email: string }) {
  const t = useTranslations("signIn.form");
  const { state, pending, onSubmit } = useKeptFormAction(action);
  return (
    <ClientForm onSubmit={onSubmit} className="stack">
      {state.status === "success" && state.message && <FocusedNotice tone="success" message={state.message} focusKey={state} />}
      {state.status === "error" && state.message && <FocusedNotice tone="error" message={state.message} focusKey={state} />}
      <input type="hidden" name="email" value={email} />
      <button className="btn btn-secondary btn-block" type="submit" disabled={pending}>
        {pending ? t("sending") : t("emailMeLink")}
      </button>
    </ClientForm>
  );
}

/** Sign in with a discoverable passkey: no email, no password; with user verification it is both factors. */
function PasskeySignInButton({ passkey }: { passkey: PasskeySignIn }) {
  const t = useTranslations("signIn.form");
  return (
    <button className="btn btn-secondary btn-block" type="button" onClick={passkey.start} disabled={passkey.busy}>
      {passkey.pressed ? t("passkeyWaiting") : t("passkeyButton")}
    </button>
  );
}

type PasskeySignIn = ReturnType<typeof usePasskeySignIn>;

/**
 * Both ways to sign in with a passkey, sharing one challenge binding (the passkey-sign-in cookie, which
 * each request for options replaces): the browser's autofill offer on the email field, started while
 * the first step shows, and the button. They take turns: pressing the button aborts a waiting autofill
 * request (SimpleWebAuthn keeps one ceremony at a time), waits for autofill options still on their way
 * (their cookie must not land after the button's), and keeps autofill from starting until its own
 * ceremony is over; then autofill is offered again with a new challenge.
 *
 * A browser with no passkey for this site, a person who dismisses the prompt, and an autofill request
 * aborted by another are not failures (NotAllowedError, AbortError): nothing red is shown for them.
 */
function usePasskeySignIn({ getOptions, callbackUrl, autofill }: { getOptions: () => Promise<unknown>; callbackUrl?: string; autofill: boolean }) {
  const [pressed, setPressed] = useState(false);
  // "preparing": asking the server for a challenge; "waiting": the browser offers saved passkeys in the
  // email field's suggestions; "signing-in": one was picked; "off": no offer (none supported, none saved,
  // or the button's ceremony took over).
  const [offer, setOffer] = useState<"preparing" | "waiting" | "signing-in" | "off">(autofill ? "preparing" : "off");
  // A failed passkey sign-in, keyed by when, so each new failure takes the focus again.
  const [failure, setFailure] = useState<{ key: number } | null>(null);
  // Bumped after the button's ceremony: its options replaced the autofill request's challenge.
  const [round, setRound] = useState(0);
  const buttonActive = useRef(false);
  const autofillOptions = useRef<Promise<unknown> | null>(null);

  async function finish(response: AuthenticationResponseJSON) {
    const result = await signIn("passkey", { response: JSON.stringify(response), redirect: false });
    if (!result || result.error) return false;
    window.location.assign(safeReturnPath(callbackUrl, { origin: window.location.origin }));
    return true;
  }

  useEffect(() => {
    if (!autofill) return;
    let live = true;
    const stillWanted = () => live && !buttonActive.current;
    const giveUp = () => {
      if (live) setOffer("off");
    };
    setOffer("preparing");
    void (async () => {
      // Loaded after the page: most people sign in with a password, and first-load JS is kept small.
      const webauthn = await import("@simplewebauthn/browser");
      if (!stillWanted() || !(await webauthn.browserSupportsWebAuthnAutofill()) || !stillWanted()) return giveUp();
      // Autofill is an extra: when its options cannot be had (a busy server), the page works without it.
      const request = getOptions().catch(() => null);
      autofillOptions.current = request;
      const options = await request;
      if (!stillWanted() || !options) return giveUp();
      let response: AuthenticationResponseJSON;
      try {
        const picked = webauthn.startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON, useBrowserAutofill: true });
        setOffer("waiting");
        response = await picked;
      } catch (error) {
        // A request aborted by the next step's own offer leaves the state to that one.
        giveUp();
        if (!isQuietRefusal(error)) console.warn("passkey autofill unavailable", error);
        return;
      }
      // The person picked a passkey: from here on a failure is theirs to see.
      setOffer("signing-in");
      setFailure(null);
      const signedIn = await finish(response).catch(() => false);
      if (!signedIn) {
        setOffer("off");
        setFailure({ key: Date.now() });
      }
    })();
    return () => {
      live = false;
    };
    // getOptions and finish are stable for the page's life; a new round or step restarts the offer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autofill, round]);

  async function start() {
    buttonActive.current = true;
    setPressed(true);
    setFailure(null);
    try {
      await autofillOptions.current;
      const [options, { startAuthentication }] = await Promise.all([getOptions(), import("@simplewebauthn/browser")]);
      const response = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
      if (await finish(response)) return;
      setFailure({ key: Date.now() });
    } catch (error) {
      if (!isQuietRefusal(error)) setFailure({ key: Date.now() });
    }
    buttonActive.current = false;
    setPressed(false);
    setRound((n) => n + 1);
  }

  return {
    start,
    pressed,
    offer,
    busy: pressed || offer === "signing-in",
    failed: failure !== null,
    messageKey: failure?.key,
  };
}

/** No passkey chosen: none saved, the prompt dismissed or timed out, or the request aborted by a newer one. */
function isQuietRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "NotAllowedError" || name === "AbortError";
}
