import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { currentBranding } from "@/lib/branding/current-branding";
import { MAX_LOGO_BYTES } from "@/lib/branding/prepare-logo";
import { BrandingForm } from "@/components/admin/branding-form";
import { saveBrandingAction } from "./actions";
import "./branding.css";

export const metadata: Metadata = { title: "Branding" };

/** Branding and feature flags (issue 13): what every page, the widget and every message show. */
export default async function BrandingPage() {
  await requireStaffPage("branding.manage");
  const branding = await currentBranding();
  return (
    <div className="stack">
      <div>
        <h1>Branding</h1>
        <p className="muted">
          The name, logo and colour people see on the sign-in pages, the account pages, the widget and in every email and text
          message, and which kinds of device they may add. Changes apply as soon as you save.
        </p>
      </div>
      <BrandingForm initial={branding} action={saveBrandingAction} maxLogoBytes={MAX_LOGO_BYTES} />
    </div>
  );
}
