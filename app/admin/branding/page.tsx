import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { currentBranding } from "@/lib/branding/current-branding";
import { MAX_LOGO_BYTES } from "@/lib/branding/prepare-logo";
import { BrandingForm } from "@/components/admin/branding-form";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { saveBrandingAction } from "./actions";
import "./branding.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("branding.title") };
}

/** Branding and feature flags (issue 13): what every page, the widget and every message show. */
export default async function BrandingPage() {
  await requireStaffPage("branding.manage");
  const branding = await currentBranding();
  const t = await serverTranslator("admin");
  return (
    <div className="stack">
      <div>
        <h1>{t("branding.heading")}</h1>
        <p className="muted">{t("branding.intro")}</p>
      </div>
      <BrandingForm initial={branding} action={saveBrandingAction} maxLogoBytes={MAX_LOGO_BYTES} />
    </div>
  );
}
