import type { Metadata, Viewport } from "next";
import type { CSSProperties, ReactNode } from "react";
import { currentBranding } from "@/lib/branding/current-branding";
import { accentVariables } from "@/lib/branding/accent-colour";
import { BrandingProvider } from "@/components/branding-context";
import { I18nProvider } from "@/components/i18n-provider";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { clientCatalogue } from "@/lib/i18n/messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [{ companyName }, t] = await Promise.all([currentBranding(), serverTranslator("common")]);
  return {
    title: { default: t("metadata.title", { companyName }), template: t("metadata.titleTemplate", { companyName }) },
    description: t("metadata.description", { companyName }),
  };
}

// Branding and settings are read at run time (the admin console changes them), so no page is rendered at build time.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [branding, locale] = await Promise.all([currentBranding(), requestLocale()]);
  // The accent colour overrides the stylesheet's :root values for every page (an inline style wins).
  return (
    <html lang={locale} style={accentVariables(branding.accentColour) as CSSProperties}>
      <body>
        <I18nProvider locale={locale} messages={clientCatalogue(locale)}>
          <BrandingProvider branding={branding}>{children}</BrandingProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
