import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentBranding } from "@/lib/branding/current-branding";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Brand branding={await currentBranding()} href="/account" />
        <nav className="site-nav" aria-label="Account">
          <a href="/account">Overview</a>
          <a href="/devices">Devices</a>
          <a href="/browsers">Browsers</a>
          <a href="/sessions">Sessions</a>
          <SignOutButton />
        </nav>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
