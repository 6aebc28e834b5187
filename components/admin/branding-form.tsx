"use client";

import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { BrandingPreview } from "@/components/admin/branding-preview";
import { ACCENT_PATTERN, MIN_ACCENT_CONTRAST, contrastRatio } from "@/lib/branding/accent-colour";
import { logoUrlSchema, type BrandingDocument, type FeatureFlags } from "@/lib/validations/branding";
import type { ActionResult } from "@/lib/actions/action-result";

type Result = ActionResult & { saved?: BrandingDocument; confirmPath?: string };

const FLAGS: { name: keyof FeatureFlags; label: string; hint: string }[] = [
  { name: "isSmsOTPEnabled", label: "Text message and voice call codes", hint: "People may add a phone number that gets codes by SMS or a call." },
  { name: "isEmailOTPEnabled", label: "Email codes", hint: "People may add an email address that gets codes." },
  { name: "isFidoPasskeyEnabled", label: "Passkeys and security keys", hint: "People may add a passkey on their device or a security key (FIDO2)." },
];

const ACCEPTED_LOGO_TYPES = "image/png,image/jpeg,image/webp,image/gif";

/**
 * The branding form beside its live preview: every keystroke redraws the sign-in page's header with
 * the draft, before anything is saved. A chosen logo file is previewed from the browser's own copy.
 */
export function BrandingForm({
  initial,
  action,
  maxLogoBytes,
}: {
  initial: BrandingDocument;
  action: (prev: Result, data: FormData) => Promise<Result>;
  maxLogoBytes: number;
}) {
  const { state, pending, onSubmit } = useKeptFormAction(action);
  const result = state as Result;
  const [draft, setDraft] = useState(initial);
  const [upload, setUpload] = useState<{ previewUrl: string; error?: string } | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [blocked, setBlocked] = useState(0);

  // Once saved, the form shows what was stored (an upload's own address in place of the file).
  const [shownResult, setShownResult] = useState(result);
  if (result !== shownResult) {
    setShownResult(result);
    if (result.saved) {
      setDraft(result.saved);
      setUpload(null);
      setFileInputKey((k) => k + 1);
    }
  }
  useEffect(() => () => (upload ? URL.revokeObjectURL(upload.previewUrl) : undefined), [upload]);

  const set = (field: "companyName" | "logoUrl" | "logoStyle" | "accentColour") => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));
  const setFlag = (flag: keyof FeatureFlags) => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft((d) => ({ ...d, features: { ...d.features, [flag]: event.target.checked } }));

  function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return setUpload(null);
    // The server checks the bytes; this only spares a round trip for a file that is plainly too large.
    const error = file.size > maxLogoBytes ? `The image is larger than ${Math.round(maxLogoBytes / 1024)} KB. Use a smaller file.` : undefined;
    setUpload({ previewUrl: URL.createObjectURL(file), error });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    if (upload?.error) {
      event.preventDefault();
      setBlocked((n) => n + 1);
      return;
    }
    onSubmit(event);
  }

  const errors = result.status === "error" ? (result.fieldErrors ?? {}) : {};
  const logoErrors = upload?.error ? [upload.error] : errors.logo;
  const accentValid = ACCENT_PATTERN.test(draft.accentColour.trim().toLowerCase());
  const accent = draft.accentColour.trim().toLowerCase();
  const ratio = accentValid ? contrastRatio(accent, "#ffffff") : null;
  const previewLogo = upload ? upload.previewUrl : logoUrlSchema.safeParse(draft.logoUrl).success ? draft.logoUrl.trim() : initial.logoUrl;

  return (
    <div className="branding-layout">
      <ClientForm onSubmit={submit} className="card stack" aria-label="Branding and feature flags" encType="multipart/form-data">
        {blocked > 0 && upload?.error && <FocusedNotice tone="error" message="Please correct the highlighted fields." focusKey={blocked} />}
        {result.status === "success" && result.message && <FocusedNotice tone="success" message={result.message} focusKey={result} />}
        {result.status === "error" && result.message && (
          <FocusedNotice tone="error" message={result.message} focusKey={result}>
            {result.confirmPath && (
              <>
                {" "}
                <a href={result.confirmPath}>Confirm it&apos;s you</a>, then save again.
              </>
            )}
          </FocusedNotice>
        )}

        <Field label="Company name" name="companyName" value={draft.companyName} onChange={set("companyName")} maxLength={60} required errors={errors.companyName} />

        <fieldset className="branding-group stack">
          <legend>Logo</legend>
          <Field
            label="Logo URL"
            name="logoUrl"
            value={draft.logoUrl}
            onChange={set("logoUrl")}
            hint="A path on this site, such as /logo.svg, or an https:// address."
            errors={errors.logoUrl}
          />
          <Field
            key={fileInputKey}
            label="Or upload a logo"
            name="logo"
            type="file"
            accept={ACCEPTED_LOGO_TYPES}
            onChange={chooseLogo}
            hint="PNG, JPEG, WebP or GIF, at most 512 KB. It replaces the URL when you save."
            errors={logoErrors}
          />
          <Field
            label="Logo style"
            name="logoStyle"
            value={draft.logoStyle}
            onChange={set("logoStyle")}
            hint="CSS for the logo image, such as height: 32px; width: auto;"
            errors={errors.logoStyle}
          />
        </fieldset>

        <fieldset className="branding-group stack">
          <legend>Colour</legend>
          <div className="branding-colour-row">
            <Field label="Pick a colour" name="accentColourPicker" id="accent-colour-picker" type="color" value={accentValid ? accent : "#000000"} onChange={set("accentColour")} />
            <Field
              label="Accent colour"
              name="accentColour"
              value={draft.accentColour}
              onChange={set("accentColour")}
              hint="Buttons and links. As # and six hexadecimal digits, such as #4f46e5."
              errors={errors.accentColour}
              spellCheck={false}
            />
          </div>
          <p className={`branding-contrast ${ratio !== null && ratio < MIN_ACCENT_CONTRAST ? "branding-contrast-low" : "branding-contrast-ok"}`} aria-live="polite">
            {ratio === null
              ? "Enter a colour such as #4f46e5 to check it."
              : ratio >= MIN_ACCENT_CONTRAST
                ? `White text on it: ${ratio.toFixed(1)}:1, readable.`
                : `White text on it: ${ratio.toFixed(1)}:1, too faint (at least ${MIN_ACCENT_CONTRAST}:1 is needed).`}
          </p>
        </fieldset>

        <fieldset className="branding-group stack">
          <legend>Devices people may add</legend>
          {FLAGS.map((flag) => (
            <div className="check-row" key={flag.name}>
              <input
                type="checkbox"
                id={`flag-${flag.name}`}
                name={flag.name}
                checked={draft.features[flag.name]}
                onChange={setFlag(flag.name)}
                aria-describedby={`flag-${flag.name}-hint`}
              />
              <div>
                <label htmlFor={`flag-${flag.name}`}>{flag.label}</label>
                <p id={`flag-${flag.name}-hint`} className="muted small">
                  {flag.hint}
                </p>
              </div>
            </div>
          ))}
          <p className="muted small">Devices people already have keep working; these only decide what can be added.</p>
        </fieldset>

        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save branding"}
        </button>
      </ClientForm>
      <BrandingPreview companyName={draft.companyName.trim() || " "} logoUrl={previewLogo} logoStyle={draft.logoStyle} accentColour={accentValid ? accent : initial.accentColour} />
    </div>
  );
}
