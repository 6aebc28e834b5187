"use client";

import { useEffect, useState } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { useFlowLive } from "@/components/flows/use-flow-live";
import { SubmitButton } from "@/components/ui/submit-button";

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
        <h1 id="pair-heading">The pairing key expired</h1>
        <p>No phone used it in time. Start again for a new key.</p>
        <FlowForm flowId={flowId} label="Start pairing again">
          {(_state, pending) => (
            <div className="spread">
              <SubmitButton pending={pending} className="btn" name="type" value="RESTART">
                Start again
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
        <h1 id="pair-heading">Phone paired</h1>
        <p role="status">Finishing…</p>
      </section>
    );
  }
  const appUrl = new URL("/authenticator", data.qrUrl).toString();
  return (
    <section className="card stack" aria-labelledby="pair-heading" aria-busy="true">
      <h1 id="pair-heading">Pair your phone</h1>
      <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
        <li>
          On your phone, scan this code with the camera. It opens our authenticator app and pairs it:
          <br />
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={data.qrDataUrl} alt="QR code that pairs the authenticator app on your phone" width={200} height={200} />
        </li>
        <li>
          Or open <code>{appUrl}</code> on your phone, choose Pair, and enter <strong>{data.account}</strong> with this key:{" "}
          <code aria-label="Pairing key" style={{ fontSize: "1.1rem", letterSpacing: "0.08em" }}>
            {data.pairingKey}
          </code>
        </li>
      </ol>
      <p className="muted" role="status">
        Waiting for your phone. The key works once and expires in {left} {left === 1 ? "minute" : "minutes"}.
      </p>
      <FlowForm flowId={flowId} label="Other choices">
        {(_state, pending) => <StepButtons pending={pending} canCancel={canCancel} />}
      </FlowForm>
    </section>
  );
}
