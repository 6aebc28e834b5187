import type { Metadata } from "next";
import { VerifyEmailConfirm } from "@/components/auth/verify-email-confirm";
import { Notice } from "@/components/ui/notice";
import { peekEmailVerification } from "@/lib/auth/email-verification";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";
import { confirmEmailAction } from "../actions";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("verifyEmail.title") };
}

/** Opening the link only shows this page; the address is confirmed by the button's POST (scanners GET links). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const link = parsed.success ? await peekEmailVerification(parsed.data.token) : null;
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <h1>{t("verifyEmail.heading")}</h1>
      {link && parsed.success ? (
        <VerifyEmailConfirm token={parsed.data.token} maskedEmail={maskEmail(link.email)} confirm={confirmEmailAction} />
      ) : (
        <div className="stack">
          <Notice tone="error">{t("verifyEmail.expired")}</Notice>
          <a className="btn btn-secondary" href="/sign-in">
            {t("verifyEmail.goToSignIn")}
          </a>
        </div>
      )}
    </div>
  );
}
