import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { I18nProvider } from "@/components/i18n-provider";
import { requireStaffPage, roleCan, type StaffCapability } from "@/lib/admin/admin-access";
import { currentBranding } from "@/lib/branding/current-branding";
import { clientCatalogue } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import "./admin.css";

/** The console's sections, each shown only to a role that may open it (lib/admin/admin-access.ts). */
const SECTIONS = [
  { href: "/admin", label: "overview", capability: "audit.read" },
  { href: "/admin/users", label: "users", capability: "users.read" },
  { href: "/admin/policies", label: "policies", capability: "policies.manage" },
  { href: "/admin/branding", label: "branding", capability: "branding.manage" },
  { href: "/admin/applications", label: "applications", capability: "applications.manage" },
  { href: "/admin/audit", label: "audit", capability: "audit.read" },
] as const satisfies readonly { href: string; label: string; capability: StaffCapability }[];

/**
 * The admin console's frame. Anyone without a staff role gets the 404 page here already; every page
 * and action still checks its own capability, because a layout is not re-run on every navigation and
 * an action is a public endpoint of its own. It hands the console's own words to its client
 * components (the root layout's catalogue leaves them out).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage("users.read");
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  return (
    <I18nProvider locale={locale} messages={clientCatalogue(locale, { console: true })}>
      <header className="site-header admin-header">
        <Brand branding={await currentBranding()} href="/admin" />
        <span className="badge">{t("roles.staff", { role: staff.user.role })}</span>
        <nav className="site-nav" aria-label={t("nav.label")}>
          {SECTIONS.filter((s) => roleCan(staff.user.role, s.capability)).map((s) => (
            <a key={s.href} href={s.href}>
              {t(`nav.${s.label}`)}
            </a>
          ))}
          <a href="/account">{t("nav.yourAccount")}</a>
          <SignOutButton />
        </nav>
      </header>
      <main className="page admin-page" id="main">
        {children}
      </main>
    </I18nProvider>
  );
}
