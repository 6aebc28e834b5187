"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useFlowEvent } from "@/components/flows/flow-door";
import { OtherChoices } from "@/components/flows/device-authentication/other-choices";
import { placed } from "@/components/i18n/placed";
import { Notice } from "@/components/ui/notice";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";

/** Handle FIDO2 authentication: continue with this passkey or security key, or pick another device. */
export function Fido2AuthenticationSection({
  flowId,
  device,
  options,
  actions,
}: {
  flowId: string;
  device: DeviceChoice;
  options: object;
  actions: string[];
}) {
  const t = useTranslations("authentication.fido2");
  const { state, pending, send } = useFlowEvent(flowId);
  const [browserError, setBrowserError] = useState<string | null>(null);

  async function authenticate() {
    setBrowserError(null);
    try {
      const assertion = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
      void send({ type: "FIDO2_ASSERTION", assertion: JSON.stringify(assertion) });
    } catch {
      setBrowserError(t("noResponse"));
    }
  }

  return (
    <section className="card stack" aria-labelledby="fido-auth-heading">
      <h1 id="fido-auth-heading">{device.type === "PLATFORM" ? t("passkeyHeading") : t("keyHeading")}</h1>
      <p>
        {placed((v) => t("continueWith", v), { nickname: <strong>{device.nickname}</strong> })}{" "}
        {device.type === "PLATFORM" ? t("passkeyHint") : t("keyHint")}
      </p>
      {browserError && <Notice tone="error">{browserError}</Notice>}
      {state.status === "error" && state.message && <Notice tone="error">{state.message}</Notice>}
      <div>
        <button className="btn" type="button" onClick={authenticate} disabled={pending}>
          {pending ? t("verifying") : t("continue")}
        </button>
      </div>
      <OtherChoices flowId={flowId} actions={actions} busy={pending} />
    </section>
  );
}
