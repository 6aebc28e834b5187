"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { ClientForm } from "@/components/ui/client-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { REGISTRABLE_TYPES, type RegistrableType } from "@/lib/devices/device-eligibility";
import {
  POLICY_FLAGS,
  POLICY_NUMBERS,
  POLICY_SECTIONS,
  USER_VERIFICATION,
  type DevicePolicy,
  type PolicyFieldName,
} from "@/lib/policy/policy-document";
import { placed } from "@/components/i18n/placed";

type Result = ActionResult & { reauthenticate?: boolean };
type Change = { label: string; from: string; to: string };
type T = ReturnType<typeof useTranslations<"admin.policies">>;

/** Each section's words in the catalogue, by its English title (which also makes its id). */
const SECTION_KEYS: Record<string, "devices" | "passcodes" | "lockout" | "stepUp" | "links" | "browsers"> = {
  Devices: "devices",
  Passcodes: "passcodes",
  Lockout: "lockout",
  "Step-up": "stepUp",
  "Sign-in links and push": "links",
  "Remembered browsers": "browsers",
};

/**
 * The device authentication policy's form, in the console's sections. "Save changes" first shows,
 * in the page, which settings will change and that they apply to every user's next flow; only
 * "Save policy" there sends the form. The server checks every limit again and answers field by field.
 */
export function PolicyForm({
  policy,
  action,
  confirmHref,
}: {
  policy: DevicePolicy;
  action: (prev: Result, data: FormData) => Promise<Result>;
  /** Where a stale session confirms it's the administrator, and comes back here. */
  confirmHref: string;
}) {
  const t = useTranslations("admin.policies");
  const { state, pending, onSubmit } = useKeptFormAction(action) as { state: Result; pending: boolean; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void };
  const [review, setReview] = useState<Change[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errors = state.fieldErrors ?? {};

  function showReview(form: HTMLFormElement | null) {
    if (form) setReview(changesIn(policy, new FormData(form), t));
  }

  return (
    <ClientForm
      className="stack policy-form"
      aria-label={t("formLabel")}
      onSubmit={(event) => {
        setAttempt((n) => n + 1);
        setReview(null);
        onSubmit(event);
      }}
      onChange={() => setReview(null)}
    >
      {state.status !== "idle" && !pending && (
        <FocusedNotice tone={state.status === "success" ? "success" : "error"} message={state.message ?? ""} focusKey={attempt}>
          {state.reauthenticate && (
            <>
              {" "}
              {placed((v) => t("confirmThenSave", v), { link: <a href={confirmHref}>{t("confirmLink")}</a> })}
            </>
          )}
        </FocusedNotice>
      )}
      {POLICY_SECTIONS.map((section) => (
        <section key={section.title} className="card policy-section" aria-labelledby={sectionId(section.title)}>
          <h2 id={sectionId(section.title)}>{SECTION_KEYS[section.title] ? t(`sections.${SECTION_KEYS[section.title]!}`) : section.title}</h2>
          <div className="policy-fields">
            {section.fields.map((name) => (
              <PolicyField key={name} name={name} policy={policy} errors={errors[name]} />
            ))}
          </div>
        </section>
      ))}
      {review && <Review changes={review} pending={pending} onCancel={() => setReview(null)} />}
      {!review && (
        <div className="policy-actions">
          <button type="button" className="btn" onClick={(event) => showReview(event.currentTarget.form)} disabled={pending}>
            {pending ? t("saving") : t("saveChanges")}
          </button>
        </div>
      )}
    </ClientForm>
  );
}

function Review({ changes, pending, onCancel }: { changes: Change[]; pending: boolean; onCancel: () => void }) {
  const t = useTranslations("admin.policies");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="card policy-review focus-target" role="group" aria-labelledby="policy-review-title">
      <h2 id="policy-review-title">{t("review.heading")}</h2>
      {changes.length === 0 ? (
        <p>{t("review.nothing")}</p>
      ) : (
        <>
          <p>{t("review.applies")}</p>
          <ul>
            {changes.map((c) => (
              <li key={c.label}>
                {placed((v) => t("review.change", { label: c.label, from: c.from, ...v }), { to: <strong>{c.to}</strong> })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="policy-actions">
        <button type="submit" className="btn" disabled={pending}>
          {t("review.save")}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t("review.keepEditing")}
        </button>
      </div>
    </div>
  );
}

function PolicyField({ name, policy, errors }: { name: PolicyFieldName; policy: DevicePolicy; errors?: string[] }) {
  const t = useTranslations("admin.policies");
  const id = `policy-${name}`;
  const errorId = `${id}-error`;
  const error = (
    <div id={errorId} className="field-error" aria-live="polite">
      {errors?.join(" ")}
    </div>
  );
  if (name === "allowedDeviceTypes") {
    return (
      <fieldset className="field policy-types" aria-describedby={errorId}>
        <legend>{t("fields.allowedDeviceTypes.label")}</legend>
        {REGISTRABLE_TYPES.map((type) => (
          <div key={type} className="check-row">
            <input type="checkbox" id={`${id}-${type}`} name={name} value={type} defaultChecked={policy.allowedDeviceTypes.includes(type)} />
            <label htmlFor={`${id}-${type}`}>{t(`types.${type}`)}</label>
          </div>
        ))}
        {error}
      </fieldset>
    );
  }
  if (name === "webauthnUserVerification") {
    return (
      <div className="field">
        <label htmlFor={id}>{t("fields.webauthnUserVerification.label")}</label>
        <select id={id} name={name} defaultValue={policy.webauthnUserVerification} aria-describedby={errorId}>
          {USER_VERIFICATION.map((value) => (
            <option key={value} value={value}>
              {t(`userVerification.${value}`)}
            </option>
          ))}
        </select>
        {error}
      </div>
    );
  }
  if (name in POLICY_FLAGS) {
    const flagName = name as keyof typeof POLICY_FLAGS;
    const hint = "hint" in POLICY_FLAGS[flagName] ? t(`fields.${flagName as FlagWithHint}.hint`) : undefined;
    return (
      <div className="field">
        <div className="check-row">
          <input
            type="checkbox"
            id={id}
            name={name}
            defaultChecked={policy[name as keyof typeof POLICY_FLAGS]}
            aria-describedby={[hint ? `${id}-hint` : "", errorId].filter(Boolean).join(" ")}
          />
          <div>
            <label htmlFor={id}>{t(`fields.${flagName}.label`)}</label>
            {hint && (
              <p id={`${id}-hint`} className="muted small">
                {hint}
              </p>
            )}
          </div>
        </div>
        {error}
      </div>
    );
  }
  const numberName = name as keyof typeof POLICY_NUMBERS;
  const field = POLICY_NUMBERS[numberName];
  const hint = "hint" in field ? t(`fields.${numberName as NumberWithHint}.hint`) : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`fields.${numberName}.label`)} <span className="muted">{t("range", { unit: t(`units.${field.unit}`), min: field.min, max: field.max })}</span>
      </label>
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={field.min}
        max={field.max}
        step={1}
        defaultValue={policy[name as keyof typeof POLICY_NUMBERS]}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", errorId].filter(Boolean).join(" ")}
      />
      {error}
    </div>
  );
}

const sectionId = (title: string) => `policy-section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;

/** What the form would change, in words, for the review; the server's own comparison is the one audited. */
function changesIn(policy: DevicePolicy, data: FormData, t: T): Change[] {
  const changes: Change[] = [];
  for (const [name, field] of Object.entries(POLICY_NUMBERS) as [keyof typeof POLICY_NUMBERS, (typeof POLICY_NUMBERS)[keyof typeof POLICY_NUMBERS]][]) {
    const to = String(data.get(name) ?? "").trim();
    const unit = t(`units.${field.unit}`);
    if (to !== String(policy[name])) {
      changes.push({ label: t(`fields.${name}.label`), from: t("review.value", { value: policy[name], unit }), to: to === "" ? t("review.empty") : t("review.value", { value: to, unit }) });
    }
  }
  const onOff = (on: boolean) => (on ? t("review.on") : t("review.off"));
  for (const name of Object.keys(POLICY_FLAGS) as (keyof typeof POLICY_FLAGS)[]) {
    const to = data.get(name) === "on";
    if (to !== policy[name]) changes.push({ label: t(`fields.${name}.label`), from: onOff(policy[name]), to: onOff(to) });
  }
  const types = REGISTRABLE_TYPES.filter((type) => data.getAll("allowedDeviceTypes").includes(type));
  if (types.join() !== policy.allowedDeviceTypes.join()) {
    const names = (list: readonly RegistrableType[]) => (list.length ? list.map((type) => t(`types.${type}`)).join(", ") : t("review.none"));
    changes.push({ label: t("fields.allowedDeviceTypes.label"), from: names(policy.allowedDeviceTypes), to: names(types) });
  }
  const uv = String(data.get("webauthnUserVerification") ?? "");
  if (uv !== policy.webauthnUserVerification) changes.push({ label: t("review.userVerification"), from: policy.webauthnUserVerification, to: uv });
  return changes;
}

type FlagWithHint = { [K in keyof typeof POLICY_FLAGS]: (typeof POLICY_FLAGS)[K] extends { hint: string } ? K : never }[keyof typeof POLICY_FLAGS];
type NumberWithHint = { [K in keyof typeof POLICY_NUMBERS]: (typeof POLICY_NUMBERS)[K] extends { hint: string } ? K : never }[keyof typeof POLICY_NUMBERS];
