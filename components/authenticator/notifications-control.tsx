"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { AuthenticatorAccount } from "@/lib/authenticator-protocol/accounts";
import { AuthenticatorRequestError } from "@/lib/authenticator-protocol/client";
import { refusalKey } from "@/components/authenticator/refusal-words";
import { notificationsOn, pushSupported, subscribeAccounts, unsubscribeAccounts } from "@/components/authenticator/phone-storage";

type State =
  | { step: "unsupported" }
  | { step: "off"; turnedOff?: boolean }
  | { step: "working" }
  | { step: "on" }
  | { step: "blocked" }
  | { step: "failed"; message: string };

/**
 * "Turn on notifications": asks the browser's permission, subscribes to Web Push with the server's
 * VAPID key and hands the subscription to the server for each paired account. Without it the app
 * still sees requests while it is open; notifications reach it when it is closed. "Turn off" undoes it
 * on the server and in the browser.
 */
export function NotificationsControl({ accounts }: { accounts: AuthenticatorAccount[] }) {
  const t = useTranslations("authenticator");
  const locale = useLocale();
  const [state, setState] = useState<State>({ step: "off" });
  const messageRef = useRef<HTMLParagraphElement>(null);
  /** Whether the person pressed the button: only then does focus move to the answer. */
  const asked = useRef(false);

  useEffect(() => {
    if (!pushSupported()) setState({ step: "unsupported" });
    else if (Notification.permission === "denied") setState({ step: "blocked" });
    else
      void notificationsOn().then(
        (on) => on && setState({ step: "on" }),
        () => undefined,
      );
  }, []);

  function refused(error: AuthenticatorRequestError) {
    const key = refusalKey(error, locale);
    return key ? t(`refusals.${key}`) : error.message;
  }

  async function turnOn() {
    asked.current = true;
    setState({ step: "working" });
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState({ step: "blocked" });
      } else {
        await subscribeAccounts(accounts);
        setState({ step: "on" });
      }
    } catch (error) {
      setState({
        step: "failed",
        message:
          error instanceof AuthenticatorRequestError ? refused(error) : t("notifications.turnOnFailed"),
      });
    }
  }

  async function turnOff() {
    asked.current = true;
    setState({ step: "working" });
    try {
      await unsubscribeAccounts(accounts);
      setState({ step: "off", turnedOff: true });
    } catch (error) {
      setState({
        step: "failed",
        message: error instanceof AuthenticatorRequestError ? refused(error) : t("notifications.turnOffFailed"),
      });
    }
  }

  useEffect(() => {
    if (!asked.current) return;
    if (state.step === "on" || state.step === "failed" || state.step === "blocked" || (state.step === "off" && state.turnedOff)) messageRef.current?.focus();
  }, [state]);

  if (state.step === "unsupported") {
    return <p className="small muted phone-section">{t("notifications.unsupported")}</p>;
  }
  return (
    <section aria-labelledby="phone-notifications-heading" className="phone-section">
      <h2 id="phone-notifications-heading">{t("notifications.heading")}</h2>
      {state.step === "on" ? (
        <>
          <p ref={messageRef} tabIndex={-1} role="status" className="notice notice-success">
            {t("notifications.on")}
          </p>
          <button type="button" className="btn btn-link" onClick={() => void turnOff()}>
            {t("notifications.turnOff")}
          </button>
        </>
      ) : state.step === "blocked" ? (
        <p ref={messageRef} tabIndex={-1} role="status" className="notice notice-warning">
          {t("notifications.blocked")}
        </p>
      ) : (
        <>
          {state.step === "failed" ? (
            <p ref={messageRef} tabIndex={-1} role="alert" className="notice notice-error">
              {state.message}
            </p>
          ) : state.step === "off" && state.turnedOff ? (
            <p ref={messageRef} tabIndex={-1} role="status" className="notice">
              {t("notifications.off")}
            </p>
          ) : (
            <p className="small muted">{t("notifications.offer")}</p>
          )}
          <button type="button" className="btn btn-secondary btn-block" disabled={state.step === "working"} onClick={() => void turnOn()}>
            {t("notifications.turnOn")}
          </button>
        </>
      )}
    </section>
  );
}
