"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Brand, type Branding } from "@/components/brand";

/**
 * The product page every failure ends on: not found, a render error, a broken layout. The heading
 * takes focus when the page appears, so a screen reader announces what happened instead of silence.
 */
export function ErrorPage({ branding, title, children }: { branding: Branding | null; title: string; children: ReactNode }) {
  const t = useTranslations("common");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <header className="site-header">{branding ? <Brand branding={branding} href="/" /> : <a className="brand" href="/">{t("brand.homeFallback")}</a>}</header>
      <main className="page-narrow">
        <div className="card stack">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {children}
        </div>
      </main>
    </>
  );
}
