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
import { passkeySignInOptionsAction, requestEmailVerificationAction, requestMagicLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const query = await searchParams;
  const callbackUrl = returnPath(query.callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  return (
    <div className="card">
      <SignInHeader companyName={(await currentBranding()).companyName} />
      {/* Only the fixed message of a known code: the query string is anyone's to write. */}
      {query.error !== undefined && <Notice tone="error">{authErrorMessage(query.error)}</Notice>}
      <SignInForm
        callbackUrl={callbackUrl}
        requestConfirmation={requestEmailVerificationAction}
        requestMagicLink={(await devicePolicyFor()).magicLinkEnabled ? requestMagicLinkAction : null}
        getPasskeyOptions={passkeySignInOptionsAction}
      />
      <p className="small muted sign-in-footer">
        New here? <a href="/sign-up">Create an account</a>
      </p>
    </div>
  );
}
