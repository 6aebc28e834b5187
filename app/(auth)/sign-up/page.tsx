import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentBranding } from "@/lib/branding/current-branding";
import { signUpAction } from "../actions";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("signUp.title") };
}

export default async function SignUpPage() {
  const { companyName } = await currentBranding();
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <h1>{t("signUp.heading")}</h1>
      <p className="muted">{t("signUp.intro", { companyName })}</p>
      <SignUpForm action={signUpAction} />
      <p className="small muted" style={{ marginTop: "1.25rem" }}>
        {t("signUp.haveAccount")} <a href="/sign-in">{t("signUp.signIn")}</a>
      </p>
    </div>
  );
}
