import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentSession } from "@/lib/auth/require-user";
import { returnPath } from "@/lib/auth/return-path";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { SignInHeader } from "@/components/auth/sign-in-header";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { Notice } from "@/components/ui/notice";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translate } from "@/lib/i18n/text";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { passkeySignInOptionsAction, requestEmailVerificationAction, requestMagicLinkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("page.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const query = await searchParams;
  const callbackUrl = returnPath(query.callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <SignInHeader companyName={(await currentBranding()).companyName} />
      {/* Only the fixed message of a known code: the query string is anyone's to write. */}
      {query.error !== undefined && <Notice tone="error">{translate(await requestLocale(), authErrorMessage(query.error))}</Notice>}
      <SignInForm
        callbackUrl={callbackUrl}
        requestConfirmation={requestEmailVerificationAction}
        requestMagicLink={(await devicePolicyFor()).magicLinkEnabled ? requestMagicLinkAction : null}
        getPasskeyOptions={passkeySignInOptionsAction}
      />
      <p className="small muted sign-in-footer">
        {t("page.newHere")} <a href="/sign-up">{t("page.createAccount")}</a>
      </p>
    </div>
  );
}
