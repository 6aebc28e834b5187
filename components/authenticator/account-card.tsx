"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "use-intl";
import type { AuthenticatorAccount } from "@/lib/authenticator-protocol/accounts";
import { mobilePasscode, PASSCODE_PERIOD_SECONDS, passcodeSecondsLeft } from "@/lib/authenticator-protocol/passcode";

export type AccountState = "paired" | "unpaired" | "blocked" | "unreachable";

/** One paired account: its company, the masked account, and the mobile passcode with its countdown. */
export function AccountCard(props: { account: AuthenticatorAccount; state: AccountState; onForget: () => void }) {
  const { account, state } = props;
  const t = useTranslations("authenticator.account");
  const headingId = useId();
  return (
    <li className="phone-account" aria-labelledby={headingId}>
      <div className="phone-account-head">
        <span className="device-icon" aria-hidden="true">
          {account.companyName.slice(0, 1).toUpperCase()}
        </span>
        <div className="device-main">
          <h3 id={headingId} className="device-name">
            {account.companyName}
          </h3>
          <p className="device-meta">{account.account}</p>
        </div>
        {state === "paired" ? <span className="badge badge-active">{t("paired")}</span> : null}
        {state === "blocked" ? <span className="badge badge-blocked">{t("blocked")}</span> : null}
        {state === "unpaired" ? <span className="badge badge-blocked">{t("notPaired")}</span> : null}
      </div>
      {state === "unpaired" ? (
        <div className="notice notice-warning">
          <p>{t("unpairedNotice")}</p>
          <button type="button" className="btn btn-secondary" onClick={props.onForget}>
            {t("remove", { account: account.account })}
          </button>
        </div>
      ) : state === "blocked" ? (
        <p className="notice notice-error">{t("blockedNotice")}</p>
      ) : (
        <Passcode seed={account.passcode.seed} />
      )}
      {state === "unreachable" ? <p className="small muted">{t("unreachable")}</p> : null}
    </li>
  );
}

/**
 * The mobile passcode, recomputed every second from the seed (offline), with the seconds until it
 * changes. The code itself is not a live region: announcing a new code every 30 s would drown out
 * everything else; the countdown text is there for whoever looks.
 */
function Passcode({ seed }: { seed: string }) {
  const t = useTranslations("authenticator.account");
  const labelId = useId();
  const [now, setNow] = useState<{ code: string; left: number } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const tick = async () => {
      const at = Date.now();
      const code = await mobilePasscode(seed, at);
      if (!cancelled) setNow({ code, left: passcodeSecondsLeft(at) });
    };
    void tick();
    const timer = window.setInterval(() => void tick(), 1000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [seed]);
  return (
    <div className="phone-passcode">
      <span id={labelId} className="small muted">
        {t("passcode")}
      </span>
      <output className="phone-passcode-code" aria-labelledby={labelId} aria-live="off">
        {now ? now.code : "······"}
      </output>
      <span className="small muted">{now ? t("changesIn", { seconds: now.left }) : ""}</span>
      <span className="phone-countdown" aria-hidden="true">
        <span style={{ width: `${((now?.left ?? PASSCODE_PERIOD_SECONDS) / PASSCODE_PERIOD_SECONDS) * 100}%` }} />
      </span>
    </div>
  );
}
