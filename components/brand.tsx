"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "use-intl";

export type Branding = { companyName: string; logoUrl: string; logoStyle: string };

/** Turns the configured `ciam_logoStyle` (CSS declarations) into a style object, ignoring anything odd. */
function parseStyle(css: string): CSSProperties {
  const style: Record<string, string> = {};
  for (const declaration of css.split(";")) {
    const [rawName, ...rest] = declaration.split(":");
    const name = rawName?.trim();
    const value = rest.join(":").trim();
    if (!name || !value || !/^[a-z-]+$/.test(name) || /url\(|expression\(/i.test(value)) continue;
    style[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return style as CSSProperties;
}

/** The company's logo and name (ciam_logoUrl, ciam_logoStyle, ciam_companyName), as saved in the admin console or drafted in its preview. */
export function Brand({ branding, href }: { branding: Branding; href?: string }) {
  const t = useTranslations("common");
  const content = (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- the logo URL is configured, any host */}
      <img src={branding.logoUrl} alt="" style={parseStyle(branding.logoStyle)} />
      <span>{branding.companyName}</span>
    </>
  );
  return href ? (
    <a className="brand" href={href} aria-label={t("brand.home", { companyName: branding.companyName })}>
      {content}
    </a>
  ) : (
    <span className="brand">{content}</span>
  );
}
