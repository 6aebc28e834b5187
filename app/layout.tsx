import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { config } from "@/lib/config";
import { BrandingProvider } from "@/components/branding-context";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { companyName } = config().branding;
  return { title: { default: `${companyName} account`, template: `%s · ${companyName}` }, description: `Manage your ${companyName} sign-in and security devices.` };
}

// Branding and settings come from the environment at run time, so no page is rendered at build time.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <BrandingProvider branding={config().branding}>{children}</BrandingProvider>
      </body>
    </html>
  );
}
