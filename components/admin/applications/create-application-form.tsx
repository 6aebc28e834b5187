"use client";

import { useEffect, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { createApplicationAction, type ApplicationsResult } from "@/app/admin/applications/actions";
import { ResultNotice } from "@/components/admin/applications/result-notice";
import { SecretOnce } from "@/components/admin/applications/secret-once";

/** New application: a name and an optional limit; its secret is shown once, here, right after. */
export function CreateApplicationForm({ defaultLimit }: { defaultLimit: number }) {
  const { state, pending, onSubmit } = useKeptFormAction(createApplicationAction);
  const result = state as ApplicationsResult;
  const [shown, setShown] = useState<ApplicationsResult["secret"]>(undefined);
  // A new answer with a secret replaces whatever was shown; "I have stored the secret" hides it.
  useEffect(() => setShown(result.secret), [result]);

  if (shown) {
    return (
      <SecretOnce
        secret={shown}
        onDone={() => {
          setShown(undefined);
          // Back to the form, emptied for the next one.
          requestAnimationFrame(() => document.getElementById("field-name")?.focus());
        }}
      />
    );
  }
  const errors = result.fieldErrors ?? {};
  return (
    <ClientForm onSubmit={onSubmit} className="stack" aria-labelledby="create-application-title" key={result.secret?.clientId}>
      <h3 id="create-application-title">New application</h3>
      {result.status === "error" && <ResultNotice result={result} />}
      <Field label="Name" name="name" required maxLength={80} autoComplete="off" hint="The site or service that will call the API." errors={errors.name} />
      <Field
        label="Rate limit (requests per minute)"
        name="rateLimitPerMinute"
        inputMode="numeric"
        autoComplete="off"
        hint={`Optional. Empty means the installation's default, ${defaultLimit} per minute.`}
        errors={errors.rateLimitPerMinute}
      />
      <div>
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create application"}
        </button>
      </div>
    </ClientForm>
  );
}
