import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { config } from "@/lib/config";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Brand branding={config().branding} href="/" />
      </header>
      <main className="page-narrow">{children}</main>
    </>
  );
}
