"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { AuthenticatorAccount } from "@/lib/authenticator-protocol/accounts";
import { AuthenticatorRequestError, type PendingRequest } from "@/lib/authenticator-protocol/client";
import type { PushDecision } from "@/lib/authenticator-protocol/payloads";
import { AccountCard, type AccountState } from "@/components/authenticator/account-card";
import { NotificationsControl } from "@/components/authenticator/notifications-control";
import { accountStore, forgetAccount, phoneClient, privateKeyOf } from "@/components/authenticator/phone-storage";
import { SignInRequest } from "@/components/authenticator/sign-in-request";
import { refusalKey } from "@/components/authenticator/refusal-words";
import { authenticator as englishWords } from "@/lib/i18n/messages/en/authenticator";

const englishRefusals = englishWords.refusals;

/**
 * The open app's live channel: it asks the server for its pending requests every POLL_MS while the
 * page is visible, and at once when the service worker passes on a push or the page becomes visible
 * again. A push only wakes the app (it carries no request); the list always comes from the server, by
 * a request signed with each account's key.
 */
const POLL_MS = 2000;

type Waiting = { account: AuthenticatorAccount; request: PendingRequest };
type Outcome = { tone: "success" | "error"; text: string };

export function AuthenticatorApp() {
  const t = useTranslations("authenticator");
  const locale = useLocale();
  const [accounts, setAccounts] = useState<AuthenticatorAccount[] | null>(null);
  const [states, setStates] = useState<Record<string, AccountState>>({});
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const firstRequestRef = useRef<HTMLDivElement>(null);
  const seen = useRef(new Set<string>());
  const refreshing = useRef(false);

  const refresh = useCallback(async () => {
    if (refreshing.current) return;
    refreshing.current = true;
    try {
      const stored = await accountStore.list();
      const nextStates: Record<string, AccountState> = {};
      const found: Waiting[] = [];
      for (const account of stored) {
        if (account.unpairedAt) {
          nextStates[account.installationId] = "unpaired";
          continue;
        }
        const privateKey = await privateKeyOf(account);
        if (!privateKey) {
          nextStates[account.installationId] = "unpaired";
          continue;
        }
        try {
          const { requests } = await phoneClient().listPendingRequests({ deviceId: account.deviceId, privateKey });
          nextStates[account.installationId] = "paired";
          for (const request of requests) found.push({ account, request });
        } catch (error) {
          const code = error instanceof AuthenticatorRequestError ? error.code : null;
          if (code === "DEVICE_NOT_FOUND") {
            // Removed from the account: its key is worthless now; remember that, the server will not say it again.
            const unpaired = { ...account, unpairedAt: new Date().toISOString() };
            await accountStore.put(unpaired);
            Object.assign(account, unpaired);
            nextStates[account.installationId] = "unpaired";
          } else {
            nextStates[account.installationId] = code === "DEVICE_BLOCKED" ? "blocked" : "unreachable";
          }
        }
      }
      const fresh = found.filter((w) => !seen.current.has(w.request.challengeId));
      for (const w of found) seen.current.add(w.request.challengeId);
      setAccounts(stored);
      setStates(nextStates);
      setWaiting(found);
      if (fresh.length > 0) {
        setAnnouncement(t("app.newRequest", { company: fresh[0]!.request.requestInfo.company }));
        // Focus goes to the new request unless the person is busy with something else on the page.
        if (document.activeElement === document.body || document.activeElement === null) {
          window.requestAnimationFrame(() => firstRequestRef.current?.querySelector<HTMLElement>("h3")?.focus());
        }
      }
    } finally {
      refreshing.current = false;
    }
  }, [t]);

  useEffect(() => {
    void refresh();
    const poll = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const onWorkerMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === "push") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
    // addEventListener, unlike onmessage, does not start the worker's message queue by itself.
    navigator.serviceWorker?.startMessages();
    return () => {
      window.clearInterval(poll);
      document.removeEventListener("visibilitychange", onVisible);
      navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
    };
  }, [refresh]);

  // Just paired (the pair page sends us here with ?paired=<installationId>): say so, once.
  useEffect(() => {
    if (!accounts) return;
    const url = new URL(window.location.href);
    const paired = url.searchParams.get("paired");
    if (!paired) return;
    const account = accounts.find((a) => a.installationId === paired);
    url.searchParams.delete("paired");
    window.history.replaceState(null, "", url.pathname + url.search);
    if (account) show({ tone: "success", text: t("app.paired", { company: account.companyName, account: account.account }) });
  }, [accounts, t]);

  function show(next: Outcome) {
    setOutcome(next);
  }

  // Focus goes to the outcome once it is on the page (the buttons that were pressed are gone or disabled).
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function decide(item: Waiting, decision: PushDecision, number: number | null) {
    setBusy(item.request.challengeId);
    try {
      const privateKey = await privateKeyOf(item.account);
      if (!privateKey) throw new AuthenticatorRequestError("DEVICE_NOT_FOUND", englishRefusals.keyLost, null);
      const { status } = await phoneClient().decide({ deviceId: item.account.deviceId, challengeId: item.request.challengeId, number, decision, privateKey });
      show(
        status === "APPROVED"
          ? { tone: "success", text: t("app.approved", { company: item.request.requestInfo.company }) }
          : { tone: "success", text: t("app.denied", { company: item.request.requestInfo.company }) },
      );
    } catch (error) {
      const key = error instanceof AuthenticatorRequestError ? refusalKey(error, locale) : null;
      show({ tone: "error", text: key ? t(`refusals.${key}`) : error instanceof AuthenticatorRequestError ? error.message : t("app.answerFailed") });
    } finally {
      setWaiting((list) => list.filter((w) => w.request.challengeId !== item.request.challengeId));
      setBusy(null);
      void refresh();
    }
  }

  async function forget(account: AuthenticatorAccount) {
    await forgetAccount(account);
    show({ tone: "success", text: t("app.removed", { account: account.account }) });
    await refresh();
  }

  return (
    <>
      <header className="phone-header">
        <h1>{t("app.heading")}</h1>
        <Link href="/authenticator/pair" className="btn">
          {t("app.pairNew")}
        </Link>
      </header>

      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {outcome ? (
        <p ref={outcomeRef} tabIndex={-1} role="status" className={`notice ${outcome.tone === "success" ? "notice-success" : "notice-error"}`}>
          {outcome.text}
        </p>
      ) : null}

      <section aria-labelledby="phone-requests-heading" className="phone-section">
        <h2 id="phone-requests-heading">{t("app.requestsHeading")}</h2>
        {waiting.length === 0 ? (
          <p className="muted">{t("app.noRequests")}</p>
        ) : (
          <div ref={firstRequestRef} className="stack">
            {waiting.map((item) => (
              <SignInRequest
                key={item.request.challengeId}
                request={item.request}
                account={item.account.account}
                busy={busy === item.request.challengeId}
                onChoose={(number) => void decide(item, "APPROVE", number)}
                onDeny={() => void decide(item, "DENY", null)}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="phone-accounts-heading" className="phone-section">
        <h2 id="phone-accounts-heading">{t("app.accountsHeading")}</h2>
        {accounts === null ? (
          <p className="muted">{t("app.loading")}</p>
        ) : accounts.length === 0 ? (
          <p className="muted">{t("app.noAccounts")}</p>
        ) : (
          <ul className="phone-accounts" aria-labelledby="phone-accounts-heading">
            {accounts.map((account) => (
              <AccountCard key={account.installationId} account={account} state={states[account.installationId] ?? "paired"} onForget={() => void forget(account)} />
            ))}
          </ul>
        )}
      </section>

      {accounts && accounts.some((a) => !a.unpairedAt) ? <NotificationsControl accounts={accounts} /> : null}
    </>
  );
}
