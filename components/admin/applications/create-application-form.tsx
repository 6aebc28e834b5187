"use client";

import { useTranslations } from "use-intl";
import { useEffect, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { createApplicationAction, type ApplicationsResult } from "@/app/admin/applications/actions";
import { ResultNotice } from "@/components/admin/applications/result-notice";
import { SecretOnce } from "@/components/admin/applications/secret-once";

/** New application: a name and an optional limit; its secret is shown once, here, right after. */
export function CreateApplicationForm({ defaultLimit }: { defaultLimit: number }) {
  const t = useTranslations("admin.applications");
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
      <h3 id="create-application-title">{t("create.heading")}</h3>
      {result.status === "error" && <ResultNotice result={result} />}
      <Field label={t("create.name")} name="name" required maxLength={80} autoComplete="off" hint={t("create.nameHint")} errors={errors.name} />
      <Field
        label={t("create.rateLimit")}
        name="rateLimitPerMinute"
        inputMode="numeric"
        autoComplete="off"
        hint={t("create.rateLimitHint", { limit: defaultLimit })}
        errors={errors.rateLimitPerMinute}
      />
      <div>
        <button className="btn" type="submit" disabled={pending}>
          {pending ? t("create.creating") : t("create.submit")}
        </button>
      </div>
    </ClientForm>
  );
}
