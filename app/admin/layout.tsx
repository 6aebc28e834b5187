import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireStaffPage, roleCan, type StaffCapability } from "@/lib/admin/admin-access";
import { currentBranding } from "@/lib/branding/current-branding";
import "./admin.css";

/** The console's sections, each shown only to a role that may open it (lib/admin/admin-access.ts). */
const SECTIONS: { href: string; label: string; capability: StaffCapability }[] = [
  { href: "/admin", label: "Overview", capability: "audit.read" },
  { href: "/admin/users", label: "Users", capability: "users.read" },
  { href: "/admin/policies", label: "Policies", capability: "policies.manage" },
  { href: "/admin/branding", label: "Branding", capability: "branding.manage" },
  { href: "/admin/applications", label: "Applications", capability: "applications.manage" },
  { href: "/admin/audit", label: "Audit log", capability: "audit.read" },
];

/**
 * The admin console's frame. Anyone without a staff role gets the 404 page here already; every page
 * and action still checks its own capability, because a layout is not re-run on every navigation and
 * an action is a public endpoint of its own.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage("users.read");
  return (
    <>
      <header className="site-header admin-header">
        <Brand branding={await currentBranding()} href="/admin" />
        <span className="badge">{staff.user.role === "ADMIN" ? "Administrator" : "Helpdesk"}</span>
        <nav className="site-nav" aria-label="Admin console">
          {SECTIONS.filter((s) => roleCan(staff.user.role, s.capability)).map((s) => (
            <a key={s.href} href={s.href}>
              {s.label}
            </a>
          ))}
          <a href="/account">Your account</a>
          <SignOutButton />
        </nav>
      </header>
      <main className="page admin-page" id="main">
        {children}
      </main>
    </>
  );
}
