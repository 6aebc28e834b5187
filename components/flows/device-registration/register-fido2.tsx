"use client";

import { useState } from "react";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useFlowEvent } from "@/components/flows/flow-door";
import { FlowForm } from "@/components/flows/flow-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { StepButtons } from "@/components/flows/device-registration/step-buttons";

const copy = {
  PLATFORM: {
    title: "Create a passkey",
    body: "Your browser will ask you to confirm with your fingerprint, face or screen lock. Nothing about your fingerprint or face leaves this device.",
    button: "Create passkey",
  },
  SECURITY_KEY: {
    title: "Register a security key",
    body: "Your browser will ask you to insert or tap your security key, and maybe to enter its PIN.",
    button: "Register security key",
  },
};

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
  const text = copy[deviceType];

  async function create() {
    setBrowserError(null);
    try {
      const attestation = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
      void send({ type: "FIDO2_ATTESTATION", attestation: JSON.stringify(attestation), nickname });
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      setBrowserError(
        name === "InvalidStateError"
          ? "This device is already registered to your account."
          : "The device was not registered: the request was cancelled or timed out. Try again.",
      );
    }
  }

  return (
    <section className="card stack" aria-labelledby="fido-heading">
      <h1 id="fido-heading">{text.title}</h1>
      <p>{text.body}</p>
      {browserError && <Notice tone="error">{browserError}</Notice>}
      {state.status === "error" && state.message && <Notice tone="error">{state.message}</Notice>}
      <Field
        label="Name (optional)"
        name="nickname"
        hint="We name it after your authenticator when we know it; you can rename it later."
        maxLength={40}
        value={nickname}
        onChange={(e) => setNickname(e.target.value)}
        errors={state.fieldErrors?.nickname}
      />
      <div>
        <button className="btn" type="button" onClick={create} disabled={pending}>
          {pending ? "Verifying…" : text.button}
        </button>
      </div>
      <FlowForm flowId={flowId} label="Leave this step">
        {(_s, leaving) => <StepButtons pending={leaving || pending} canCancel={canCancel} />}
      </FlowForm>
    </section>
  );
}
