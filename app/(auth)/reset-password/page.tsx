import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Notice } from "@/components/ui/notice";
import { peekPasswordReset } from "@/lib/auth/password-reset";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";
import { resetPasswordAction } from "../actions";
import { placed } from "@/components/i18n/placed";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("reset.title") };
}

/** Opening the link only shows this form (link scanners fetch URLs); the form's POST spends it. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const account = parsed.success ? await peekPasswordReset(parsed.data.token) : null;
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <h1>{t("reset.heading")}</h1>
      {account && parsed.success ? (
        <div className="stack">
          <p className="muted">{placed((v) => t("reset.forAccount", v), { email: <strong>{maskEmail(account.email)}</strong> })}</p>
          <ResetPasswordForm token={parsed.data.token} action={resetPasswordAction} />
        </div>
      ) : (
        <div className="stack">
          <Notice tone="error">{t("magicLink.expired")}</Notice>
          <a className="btn btn-block" href="/forgot-password">
            {t("reset.askNewLink")}
          </a>
          <a className="btn btn-secondary btn-block" href="/sign-in">
            {t("reset.backToSignIn")}
          </a>
        </div>
      )}
    </div>
  );
}
