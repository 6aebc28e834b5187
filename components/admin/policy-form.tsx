"use client";

import { useEffect, useRef, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { REGISTRABLE_TYPES } from "@/lib/devices/device-eligibility";
import {
  DEVICE_TYPE_LABELS,
  POLICY_FLAGS,
  POLICY_NUMBERS,
  POLICY_SECTIONS,
  USER_VERIFICATION,
  type DevicePolicy,
  type PolicyFieldName,
} from "@/lib/policy/policy-document";

type Result = ActionResult & { reauthenticate?: boolean };
type Change = { label: string; from: string; to: string };

const USER_VERIFICATION_LABELS: Record<(typeof USER_VERIFICATION)[number], string> = {
  required: "Required (PIN or biometrics every time)",
  preferred: "Preferred (asked for, not enforced)",
  discouraged: "Discouraged (a touch is enough)",
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
  const { state, pending, onSubmit } = useKeptFormAction(action) as { state: Result; pending: boolean; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void };
  const [review, setReview] = useState<Change[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errors = state.fieldErrors ?? {};

  function showReview(form: HTMLFormElement | null) {
    if (form) setReview(changesIn(policy, new FormData(form)));
  }

  return (
    <ClientForm
      className="stack policy-form"
      aria-label="Default policy"
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
              <a href={confirmHref}>Confirm it&apos;s you</a>, then save again.
            </>
          )}
        </FocusedNotice>
      )}
      {POLICY_SECTIONS.map((section) => (
        <section key={section.title} className="card policy-section" aria-labelledby={sectionId(section.title)}>
          <h2 id={sectionId(section.title)}>{section.title}</h2>
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
            {pending ? "Saving…" : "Save changes"}
          </button>
        </div>
      )}
    </ClientForm>
  );
}

function Review({ changes, pending, onCancel }: { changes: Change[]; pending: boolean; onCancel: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="card policy-review focus-target" role="group" aria-labelledby="policy-review-title">
      <h2 id="policy-review-title">Save these changes?</h2>
      {changes.length === 0 ? (
        <p>Nothing has changed. Saving keeps the policy as it is.</p>
      ) : (
        <>
          <p>
            They apply to every user from their next sign-in, registration or change, on every server, without a restart. Flows already
            running keep the codes they were sent.
          </p>
          <ul>
            {changes.map((c) => (
              <li key={c.label}>
                {c.label}: {c.from} → <strong>{c.to}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="policy-actions">
        <button type="submit" className="btn" disabled={pending}>
          Save policy
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Keep editing
        </button>
      </div>
    </div>
  );
}

function PolicyField({ name, policy, errors }: { name: PolicyFieldName; policy: DevicePolicy; errors?: string[] }) {
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
        <legend>Allowed device types</legend>
        {REGISTRABLE_TYPES.map((type) => (
          <div key={type} className="check-row">
            <input type="checkbox" id={`${id}-${type}`} name={name} value={type} defaultChecked={policy.allowedDeviceTypes.includes(type)} />
            <label htmlFor={`${id}-${type}`}>{DEVICE_TYPE_LABELS[type]}</label>
          </div>
        ))}
        {error}
      </fieldset>
    );
  }
  if (name === "webauthnUserVerification") {
    return (
      <div className="field">
        <label htmlFor={id}>Passkey and security key user verification</label>
        <select id={id} name={name} defaultValue={policy.webauthnUserVerification} aria-describedby={errorId}>
          {USER_VERIFICATION.map((value) => (
            <option key={value} value={value}>
              {USER_VERIFICATION_LABELS[value]}
            </option>
          ))}
        </select>
        {error}
      </div>
    );
  }
  if (name in POLICY_FLAGS) {
    const flag = POLICY_FLAGS[name as keyof typeof POLICY_FLAGS];
    const hint = "hint" in flag ? flag.hint : undefined;
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
            <label htmlFor={id}>{flag.label}</label>
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
  const field = POLICY_NUMBERS[name as keyof typeof POLICY_NUMBERS];
  const hint = "hint" in field ? field.hint : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label} <span className="muted">({field.unit}, {field.min}–{field.max})</span>
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
function changesIn(policy: DevicePolicy, data: FormData): Change[] {
  const changes: Change[] = [];
  for (const [name, field] of Object.entries(POLICY_NUMBERS) as [keyof typeof POLICY_NUMBERS, (typeof POLICY_NUMBERS)[keyof typeof POLICY_NUMBERS]][]) {
    const to = String(data.get(name) ?? "").trim();
    if (to !== String(policy[name])) changes.push({ label: field.label, from: `${policy[name]} ${field.unit}`, to: to === "" ? "(empty)" : `${to} ${field.unit}` });
  }
  for (const [name, flag] of Object.entries(POLICY_FLAGS) as [keyof typeof POLICY_FLAGS, (typeof POLICY_FLAGS)[keyof typeof POLICY_FLAGS]][]) {
    const to = data.get(name) === "on";
    if (to !== policy[name]) changes.push({ label: flag.label, from: policy[name] ? "on" : "off", to: to ? "on" : "off" });
  }
  const types = REGISTRABLE_TYPES.filter((t) => data.getAll("allowedDeviceTypes").includes(t));
  if (types.join() !== policy.allowedDeviceTypes.join()) {
    const names = (list: readonly string[]) => (list.length ? list.map((t) => DEVICE_TYPE_LABELS[t as keyof typeof DEVICE_TYPE_LABELS]).join(", ") : "none");
    changes.push({ label: "Allowed device types", from: names(policy.allowedDeviceTypes), to: names(types) });
  }
  const uv = String(data.get("webauthnUserVerification") ?? "");
  if (uv !== policy.webauthnUserVerification) changes.push({ label: "User verification", from: policy.webauthnUserVerification, to: uv });
  return changes;
}
