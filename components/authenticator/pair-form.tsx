"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "use-intl";
import { AuthenticatorRequestError, pairNewInstallation } from "@/lib/authenticator-protocol/client";
import { parsePairingKey, qrSecretFromUrl } from "@/lib/authenticator-protocol/pairing-key";
import { refusalKey } from "@/components/authenticator/refusal-words";
import { accountStore, keyStore, phoneClient, subscribeAccounts } from "@/components/authenticator/phone-storage";

type State =
  | { step: "form" }
  | { step: "pairing"; via: "typed" | "qr" }
  | { step: "invalid"; fieldErrors: { key?: string; account?: string } }
  | { step: "refused"; message: string };

/**
 * Pairs this phone with an account: by the typed pairing key next to the account's email, or at once
 * when opened from the QR code (/authenticator/pair#<secret>; the secret is in the fragment, so it
 * never reaches a server log). The new key pair and the account's record are kept in IndexedDB.
 */
export function PairForm() {
  const router = useRouter();
  const t = useTranslations("authenticator");
  const locale = useLocale();
  const [state, setState] = useState<State>({ step: "form" });
  const errorRef = useRef<HTMLParagraphElement>(null);
  const started = useRef(false);

  function refused(error: AuthenticatorRequestError) {
    const key = refusalKey(error, locale);
    return key ? t(`refusals.${key}`) : error.message;
  }

  async function pair(key: string, account: string | undefined, via: "typed" | "qr") {
    setState({ step: "pairing", via });
    try {
      const { installationId, pairing } = await pairNewInstallation({
        client: phoneClient(),
        keyStore,
        key,
        ...(account === undefined ? {} : { account }),
      });
      const record = {
        installationId,
        deviceId: pairing.deviceId,
        companyName: pairing.companyName,
        account: pairing.account,
        passcode: pairing.passcode,
        pairedAt: new Date().toISOString(),
      };
      await accountStore.put(record);
      // Notifications already allowed for the app: the new account gets them too, without asking again.
      if ("Notification" in window && Notification.permission === "granted") await subscribeAccounts([record]).catch(() => 0);
      router.push(`/authenticator?paired=${encodeURIComponent(installationId)}`);
    } catch (error) {
      setState({
        step: "refused",
        message: error instanceof AuthenticatorRequestError ? refused(error) : t("pair.failed"),
      });
    }
  }

  // Focus goes to what changed, once it is on the page: the refusal, or the first field to fix.
  useEffect(() => {
    if (state.step === "refused") errorRef.current?.focus();
    if (state.step === "invalid") document.getElementById(state.fieldErrors.key ? "pair-key" : "pair-account")?.focus();
  }, [state]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const secret = qrSecretFromUrl(window.location.href);
    if (!secret) return;
    // Out of the address bar and history at once: the secret is single use, and a reload must not reuse it.
    window.history.replaceState(null, "", window.location.pathname);
    void pair(secret, undefined, "qr");
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const key = String(form.get("key") ?? "");
    const account = String(form.get("account") ?? "").trim();
    const parsed = parsePairingKey(key);
    const fieldErrors: { key?: string; account?: string } = {};
    if (key.trim() === "") fieldErrors.key = t("pair.keyRequired");
    else if (!parsed) fieldErrors.key = t("pair.keyInvalid");
    if (parsed?.kind !== "qr" && account === "") fieldErrors.account = t("pair.accountRequired");
    if (fieldErrors.key || fieldErrors.account) {
      setState({ step: "invalid", fieldErrors });
      return;
    }
    void pair(key, parsed?.kind === "qr" ? undefined : account, "typed");
  }

  const fieldErrors = state.step === "invalid" ? state.fieldErrors : {};
  const pairing = state.step === "pairing";
  return (
    <div className="stack">
      {state.step === "refused" ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="notice notice-error">
          {state.message}
        </p>
      ) : null}
      {pairing && state.via === "qr" ? (
        <p role="status" className="notice notice-info">
          {t("pair.pairingWithQr")}
        </p>
      ) : null}
      <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="pair-form-heading">
        <h2 id="pair-form-heading">{t("pair.formHeading")}</h2>
        <p className="small muted">{t("pair.formHint")}</p>
        <div className="field">
          <label htmlFor="pair-key">{t("pair.keyLabel")}</label>
          <input
            id="pair-key"
            name="key"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABCDE-FGHJK"
            aria-invalid={fieldErrors.key ? true : undefined}
            aria-describedby="pair-key-error"
          />
          <p id="pair-key-error" className="field-error" aria-live="polite">
            {fieldErrors.key}
          </p>
        </div>
        <div className="field">
          <label htmlFor="pair-account">{t("pair.emailLabel")}</label>
          <input
            id="pair-account"
            name="account"
            type="email"
            autoComplete="email"
            aria-invalid={fieldErrors.account ? true : undefined}
            aria-describedby="pair-account-error"
          />
          <p id="pair-account-error" className="field-error" aria-live="polite">
            {fieldErrors.account}
          </p>
        </div>
        <button type="submit" className="btn btn-block" disabled={pairing}>
          {pairing ? t("pair.pairing") : t("pair.pair")}
        </button>
      </form>
      <p className="small muted">
        {t("pair.qrHint")}
      </p>
      <p>
        <Link href="/authenticator">{t("pair.back")}</Link>
      </p>
    </div>
  );
}
