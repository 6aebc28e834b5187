"use client";

import { useTranslations } from "use-intl";

/**
 * The sign-in card's heading. The admin branding page's preview draws the same one with the draft
 * company name, one heading level down so the admin page keeps a single h1.
 */
export function SignInHeader({ companyName, headingLevel = 1 }: { companyName: string; headingLevel?: 1 | 3 }) {
  const t = useTranslations("signIn.header");
  const Heading = headingLevel === 1 ? "h1" : "h3";
  return (
    <>
      <Heading className="sign-in-title">{t("title")}</Heading>
      <p className="muted">{t("subtitle", { companyName })}</p>
    </>
  );
}
