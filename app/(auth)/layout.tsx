import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { currentBranding } from "@/lib/branding/current-branding";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Brand branding={await currentBranding()} href="/" />
      </header>
      <main className="page-narrow">{children}</main>
    </>
  );
}
