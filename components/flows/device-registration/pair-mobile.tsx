"use client";

import { useEffect, useState } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { useFlowLive } from "@/components/flows/use-flow-live";
import { SubmitButton } from "@/components/ui/submit-button";
import { useTranslations } from "use-intl";
import { placed } from "@/components/i18n/placed";

type Pending = { status: "PENDING"; pairingKey: string; qrDataUrl: string; qrUrl: string; expiresAt: string; account: string };
type PairingData = Pending | { status: "EXPIRED" } | { status: "PAIRED" };

function minutesLeft(expiresAt: string) {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 60_000));
}

/**
 * Pair mobile device: the phone opens our authenticator app and scans the QR code, or types the key
 * next to the account's email. The page waits on the flow's live channel and moves on by itself when
 * the phone has paired; at the key's expiry it asks the flow again, which offers a new key.
 */
export function PairMobileSection({ flowId, data, canCancel }: { flowId: string; data: PairingData; canCancel: boolean }) {
  const t = useTranslations("registration");
  useFlowLive(flowId);
  const expiresAt = data.status === "PENDING" ? data.expiresAt : null;
  const [left, setLeft] = useState(() => (expiresAt ? minutesLeft(expiresAt) : 0));
  useEffect(() => {
    if (!expiresAt) return;
    const tick = window.setInterval(() => setLeft(minutesLeft(expiresAt)), 15_000);
    return () => window.clearInterval(tick);
  }, [expiresAt]);

  if (data.status === "EXPIRED") {
    return (
      <section className="card stack" aria-labelledby="pair-heading">
        <h1 id="pair-heading">{t("pair.expiredHeading")}</h1>
        <p>{t("pair.expiredBody")}</p>
        <FlowForm flowId={flowId} label={t("pair.restartLabel")}>
          {(_state, pending) => (
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="RESTART">
                {t("pair.restart")}
              </SubmitButton>
              <StepButtons pending={pending} canCancel={canCancel} />
            </div>
          )}
        </FlowForm>
      </section>
    );
  }
  if (data.status === "PAIRED") {
    return (
      <section className="card stack" aria-labelledby="pair-heading" aria-busy="true">
        <h1 id="pair-heading">{t("pair.pairedHeading")}</h1>
        <p role="status">{t("pair.finishing")}</p>
      </section>
    );
  }
  const appUrl = new URL("/authenticator", data.qrUrl).toString();
  return (
    <section className="card stack" aria-labelledby="pair-heading" aria-busy="true">
      <h1 id="pair-heading">{t("pair.heading")}</h1>
      <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
        <li>
          {t("pair.scan")}
          <br />
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={data.qrDataUrl} alt={t("pair.qrAlt")} width={200} height={200} />
        </li>
        <li>
          {placed((v) => t("pair.typeKey", v), { url: <code>{appUrl}</code>, account: <strong>{data.account}</strong> })}{" "}
          <code aria-label={t("pair.keyLabel")} style={{ fontSize: "1.1rem", letterSpacing: "0.08em" }}>
            {data.pairingKey}
          </code>
        </li>
      </ol>
      <p className="muted" role="status">
        {t("pair.waiting", { left })}
      </p>
      <FlowForm flowId={flowId} label={t("otherChoices")}>
        {(_state, pending) => <StepButtons pending={pending} canCancel={canCancel} />}
      </FlowForm>
    </section>
  );
}
