import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentBranding } from "@/lib/branding/current-branding";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const t = translatorFor(await requestLocale(), "portal");
  return (
    <>
      <header className="site-header">
        <Brand branding={await currentBranding()} href="/account" />
        <nav className="site-nav" aria-label={t("navLabel")}>
          <a href="/account">{t("overview")}</a>
          <a href="/devices">{t("devices")}</a>
          <a href="/browsers">{t("browsers")}</a>
          <a href="/sessions">{t("sessions")}</a>
          <SignOutButton />
        </nav>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
