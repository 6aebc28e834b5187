import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { requestPasswordResetAction } from "../actions";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("forgot.title") };
}

export default async function ForgotPasswordPage() {
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <h1>{t("forgot.heading")}</h1>
      <p className="muted">{t("forgot.intro")}</p>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      <p className="small muted sign-in-footer">
        {t("forgot.remembered")} <a href="/sign-in">{t("forgot.backToSignIn")}</a>
      </p>
    </div>
  );
}
