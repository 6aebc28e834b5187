"use client";

import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { BrandingPreview } from "@/components/admin/branding-preview";
import { ACCENT_PATTERN, MIN_ACCENT_CONTRAST, contrastRatio } from "@/lib/branding/accent-colour";
import { logoUrlSchema, type BrandingDocument, type FeatureFlags } from "@/lib/validations/branding";
import type { ActionResult } from "@/lib/actions/action-result";
import { placed } from "@/components/i18n/placed";

type Result = ActionResult & { saved?: BrandingDocument; confirmPath?: string };

const FLAGS: (keyof FeatureFlags)[] = ["isSmsOTPEnabled", "isEmailOTPEnabled", "isFidoPasskeyEnabled"];

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
  const t = useTranslations("admin.branding");
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
    const error = file.size > maxLogoBytes ? t("logo.tooLarge", { kb: Math.round(maxLogoBytes / 1024) }) : undefined;
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
      <ClientForm onSubmit={submit} className="card stack" aria-label={t("formLabel")} encType="multipart/form-data">
        {blocked > 0 && upload?.error && <FocusedNotice tone="error" message={t("correctFields")} focusKey={blocked} />}
        {result.status === "success" && result.message && <FocusedNotice tone="success" message={result.message} focusKey={result} />}
        {result.status === "error" && result.message && (
          <FocusedNotice tone="error" message={result.message} focusKey={result}>
            {result.confirmPath && (
              <>
                {" "}
                {placed((v) => t("confirmThenSave", v), { link: <a href={result.confirmPath}>{t("confirmLink")}</a> })}
              </>
            )}
          </FocusedNotice>
        )}

        <Field label={t("companyName")} name="companyName" value={draft.companyName} onChange={set("companyName")} maxLength={60} required errors={errors.companyName} />

        <fieldset className="branding-group stack">
          <legend>{t("logo.legend")}</legend>
          <Field
            label={t("logo.url")}
            name="logoUrl"
            value={draft.logoUrl}
            onChange={set("logoUrl")}
            hint={t("logo.urlHint")}
            errors={errors.logoUrl}
          />
          <Field
            key={fileInputKey}
            label={t("logo.upload")}
            name="logo"
            type="file"
            accept={ACCEPTED_LOGO_TYPES}
            onChange={chooseLogo}
            hint={t("logo.uploadHint", { kb: Math.round(maxLogoBytes / 1024) })}
            errors={logoErrors}
          />
          <Field
            label={t("logo.style")}
            name="logoStyle"
            value={draft.logoStyle}
            onChange={set("logoStyle")}
            hint={t("logo.styleHint")}
            errors={errors.logoStyle}
          />
        </fieldset>

        <fieldset className="branding-group stack">
          <legend>{t("colour.legend")}</legend>
          <div className="branding-colour-row">
            <Field label={t("colour.pick")} name="accentColourPicker" id="accent-colour-picker" type="color" value={accentValid ? accent : "#000000"} onChange={set("accentColour")} />
            <Field
              label={t("colour.accent")}
              name="accentColour"
              value={draft.accentColour}
              onChange={set("accentColour")}
              hint={t("colour.accentHint")}
              errors={errors.accentColour}
              spellCheck={false}
            />
          </div>
          <p className={`branding-contrast ${ratio !== null && ratio < MIN_ACCENT_CONTRAST ? "branding-contrast-low" : "branding-contrast-ok"}`} aria-live="polite">
            {ratio === null
              ? t("colour.enter")
              : ratio >= MIN_ACCENT_CONTRAST
                ? t("colour.readable", { ratio: ratio.toFixed(1) })
                : t("colour.tooFaint", { ratio: ratio.toFixed(1), min: MIN_ACCENT_CONTRAST })}
          </p>
        </fieldset>

        <fieldset className="branding-group stack">
          <legend>{t("flags.legend")}</legend>
          {FLAGS.map((flag) => (
            <div className="check-row" key={flag}>
              <input
                type="checkbox"
                id={`flag-${flag}`}
                name={flag}
                checked={draft.features[flag]}
                onChange={setFlag(flag)}
                aria-describedby={`flag-${flag}-hint`}
              />
              <div>
                <label htmlFor={`flag-${flag}`}>{t(`flags.${flag}.label`)}</label>
                <p id={`flag-${flag}-hint`} className="muted small">
                  {t(`flags.${flag}.hint`)}
                </p>
              </div>
            </div>
          ))}
          <p className="muted small">{t("flags.note")}</p>
        </fieldset>

        <button className="btn" type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </ClientForm>
      <BrandingPreview companyName={draft.companyName.trim() || " "} logoUrl={previewLogo} logoStyle={draft.logoStyle} accentColour={accentValid ? accent : initial.accentColour} />
    </div>
  );
}
