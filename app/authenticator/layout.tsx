import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { currentBranding } from "@/lib/branding/current-branding";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { ServiceWorkerRegistration } from "@/components/authenticator/service-worker-registration";
import "./authenticator.css";

/**
 * The authenticator app's own frame: no portal header or navigation, a phone-sized column, its
 * manifest (so it installs as an app of its own) and its service worker. It lives under the root
 * layout, which gives it <html> and <body>.
 */
export async function generateMetadata(): Promise<Metadata> {
  const [{ companyName }, t] = await Promise.all([currentBranding(), serverTranslator("authenticator")]);
  return {
    title: { absolute: t("metadata.title", { companyName }) },
    description: t("metadata.description", { companyName }),
    manifest: "/authenticator/manifest.webmanifest",
    appleWebApp: { capable: true, title: "Authenticator", statusBarStyle: "default" },
    icons: { icon: "/authenticator/icons/192", apple: "/authenticator/icons/192" },
  };
}

export async function generateViewport(): Promise<Viewport> {
  return { width: "device-width", initialScale: 1, viewportFit: "cover", themeColor: (await currentBranding()).accentColour };
}

export default async function AuthenticatorLayout({ children }: { children: ReactNode }) {
  const t = await serverTranslator("authenticator");
  return (
    <div className="phone-app">
      <a className="skip-link" href="#phone-main">
        {t("skipToContent")}
      </a>
      <main id="phone-main" className="phone-main">
        {children}
      </main>
      <ServiceWorkerRegistration />
    </div>
  );
}
