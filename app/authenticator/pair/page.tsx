import type { Metadata } from "next";
import { PairForm } from "@/components/authenticator/pair-form";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("authenticator"))("metadata.pairTitle") };
}

export default async function PairPage() {
  const t = await serverTranslator("authenticator");
  return (
    <>
      <header className="phone-header">
        <h1>{t("pair.heading")}</h1>
      </header>
      <PairForm />
    </>
  );
}
