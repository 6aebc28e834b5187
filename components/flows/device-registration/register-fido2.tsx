"use client";

import { useState } from "react";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useFlowEvent } from "@/components/flows/flow-door";
import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";
import { useTranslations } from "use-intl";

const copy = {
  PLATFORM: { title: "platformTitle", body: "platformBody", button: "platformButton" },
  SECURITY_KEY: { title: "keyTitle", body: "keyBody", button: "keyButton" },
} as const;

/** Register FIDO2 device: the confirmation page; the browser creates the credential, the server verifies it. */
export function RegisterFido2Section({
  flowId,
  deviceType,
  options,
  canCancel,
}: {
  flowId: string;
  deviceType: "PLATFORM" | "SECURITY_KEY";
  options: object;
  canCancel: boolean;
}) {
  const { state, pending, send } = useFlowEvent(flowId);
  const [browserError, setBrowserError] = useState<string | null>(null);
  const [nickname, setNickname] = useState("");
  const t = useTranslations("registration.fido");
  const keys = copy[deviceType];

  async function create() {
    setBrowserError(null);
    try {
      const attestation = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
      void send({ type: "FIDO2_ATTESTATION", attestation: JSON.stringify(attestation), nickname });
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      setBrowserError(
        name === "InvalidStateError"
          ? t("alreadyRegistered")
          : t("notRegistered"),
      );
    }
  }

  return (
    <section className="card stack" aria-labelledby="fido-heading">
      <h1 id="fido-heading">{t(keys.title)}</h1>
      <p>{t(keys.body)}</p>
      {browserError && <Notice tone="error">{browserError}</Notice>}
      {state.status === "error" && state.message && <Notice tone="error">{state.message}</Notice>}
      <Field
        label={t("name")}
        name="nickname"
        hint={t("nameHint")}
        maxLength={40}
        value={nickname}
        onChange={(e) => setNickname(e.target.value)}
        errors={state.fieldErrors?.nickname}
      />
      <div>
        <button className="btn" type="button" onClick={create} disabled={pending}>
          {pending ? t("verifying") : t(keys.button)}
        </button>
      </div>
      <FlowForm flowId={flowId} label={t("leave")}>
        {(_s, leaving) => <StepButtons pending={leaving || pending} canCancel={canCancel} />}
      </FlowForm>
    </section>
  );
}
