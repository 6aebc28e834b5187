"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "use-intl";
import { Brand } from "@/components/brand";
import { SignInHeader } from "@/components/auth/sign-in-header";
import { accentVariables } from "@/lib/branding/accent-colour";

/**
 * The sign-in page as it will look with the draft branding: the same Brand and sign-in heading the
 * real page renders, under the draft accent colour. The form fields and button are pictures of them
 * (hidden from assistive technology), not controls one could try to use here.
 */
export function BrandingPreview({ companyName, logoUrl, logoStyle, accentColour }: { companyName: string; logoUrl: string; logoStyle: string; accentColour: string }) {
  const t = useTranslations("admin.branding.preview");
  return (
    <section className="branding-preview" aria-labelledby="branding-preview-title">
      <h2 id="branding-preview-title">{t("heading")}</h2>
      <div className="branding-preview-frame" style={accentVariables(accentColour) as CSSProperties}>
        <div className="site-header">
          <Brand branding={{ companyName, logoUrl, logoStyle }} />
        </div>
        <div className="branding-preview-body">
          <div className="card">
            <SignInHeader companyName={companyName} headingLevel={3} />
            <div className="branding-preview-fields" aria-hidden="true">
              <span className="branding-preview-label">{t("email")}</span>
              <span className="branding-preview-input" />
              <span className="branding-preview-label">{t("password")}</span>
              <span className="branding-preview-input" />
              <span className="btn btn-block">{t("signIn")}</span>
              <span className="branding-preview-link">{t("createAccount")}</span>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
