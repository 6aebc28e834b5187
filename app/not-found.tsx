import type { Metadata } from "next";
import { ErrorPage } from "@/components/error-page";
import { currentBranding } from "@/lib/branding/current-branding";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator("common");
  return { title: t("notFound.metaTitle") };
}

/** Unknown pages and every notFound(): an unknown id and another user's id look the same here. */
export default async function NotFound() {
  const t = await serverTranslator("common");
  return (
    <ErrorPage branding={await currentBranding()} title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <a className="btn" href="/">
        {t("errorPage.goToAccount")}
      </a>
    </ErrorPage>
  );
}
