import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { config } from "@/lib/config";
import { ServiceWorkerRegistration } from "@/components/authenticator/service-worker-registration";
import "./authenticator.css";

/**
 * The authenticator app's own frame: no portal header or navigation, a phone-sized column, its
 * manifest (so it installs as an app of its own) and its service worker. It lives under the root
 * layout, which gives it <html> and <body>.
 */
export function generateMetadata(): Metadata {
  const { companyName } = config().branding;
  return {
    title: { absolute: `${companyName} Authenticator` },
    description: `Approve ${companyName} sign-ins and get sign-in codes on this phone.`,
    manifest: "/authenticator/manifest.webmanifest",
    appleWebApp: { capable: true, title: "Authenticator", statusBarStyle: "default" },
    icons: { icon: "/authenticator/icons/192", apple: "/authenticator/icons/192" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#4f46e5",
};

export default function AuthenticatorLayout({ children }: { children: ReactNode }) {
  return (
    <div className="phone-app">
      <a className="skip-link" href="#phone-main">
        Skip to content
      </a>
      <main id="phone-main" className="phone-main">
        {children}
      </main>
      <ServiceWorkerRegistration />
    </div>
  );
}
