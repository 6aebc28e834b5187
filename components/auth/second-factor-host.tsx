"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { rememberThisBrowser } from "@/app/(auth)/sign-in/verify/browser-actions";
import { FlowHost } from "@/components/flows/flow-host";
import type { ClientDoorView } from "@/lib/flows/client-door";
import { newBrowserKeyPair, saveBrowserKey } from "@/lib/device-keys/browser-key-store";

/**
 * The second-factor page's flow, with "Remember this browser": when ticked, once the second factor has
 * made the session complete and before the page leaves, this browser makes a non-extractable key pair,
 * keeps the private key in IndexedDB and registers the public key (or, when it proved a registered key
 * at this sign-in, has that one remembered again). A failure here never stands between the person and
 * the account: they are signed in either way, and asked again next time.
 */
export function SecondFactorHost({
  userId,
  rememberDays,
  rememberByDefault,
  ...host
}: {
  initial: ClientDoorView;
  companyName: string;
  returnTo: string;
  userId: string;
  rememberDays: number;
  rememberByDefault: boolean;
}) {
  const t = useTranslations("authentication.remember");
  const [remember, setRemember] = useState(rememberByDefault);
  const rememberRef = useRef(remember);
  rememberRef.current = remember;
  const hintId = useId();

  const beforeLeaving = useCallback(async () => {
    if (!rememberRef.current) return;
    const fresh = await newBrowserKeyPair();
    const answer = await rememberThisBrowser(fresh.publicKey);
    if (answer.status === "success" && !answer.renewed) await saveBrowserKey({ userId, keyId: answer.keyId, privateKey: fresh.privateKey });
  }, [userId]);

  return (
    <>
      <FlowHost mode="sign-in" {...host} beforeLeaving={beforeLeaving} />
      <div className="card check-row">
        <input id={`${hintId}-remember`} type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} aria-describedby={hintId} />
        <div>
          <label htmlFor={`${hintId}-remember`}>{t("label", { days: rememberDays })}</label>
          <p id={hintId} className="small muted">
            {t("hint")}
          </p>
        </div>
      </div>
    </>
  );
}
