import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MagicLinkRequestForm, PasskeySignInButton, SignInForm } from "@/components/auth/sign-in-form";
import { currentSession } from "@/lib/auth/require-user";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { config } from "@/lib/config";
import { passkeySignInOptionsAction, requestEmailVerificationAction, requestMagicLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentSession()) redirect(safeReturnPath(callbackUrl));
  return (
    <div className="card">
      <h1>Sign in</h1>
      <p className="muted">to your {config().branding.companyName} account</p>
      <SignInForm callbackUrl={safeReturnPath(callbackUrl)} requestConfirmation={requestEmailVerificationAction} />
      <div className="divider">or</div>
      <div className="stack">
        <PasskeySignInButton getOptions={passkeySignInOptionsAction} callbackUrl={safeReturnPath(callbackUrl)} />
        <MagicLinkRequestForm action={requestMagicLinkAction} />
      </div>
      <p className="small muted" style={{ marginTop: "1.25rem" }}>
        New here? <a href="/sign-up">Create an account</a>
      </p>
    </div>
  );
}
