import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Notice } from "@/components/ui/notice";
import { peekPasswordReset } from "@/lib/auth/password-reset";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password" };

/** Opening the link only shows this form (link scanners fetch URLs); the form's POST spends it. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const account = parsed.success ? await peekPasswordReset(parsed.data.token) : null;
  return (
    <div className="card">
      <h1>Choose a new password</h1>
      {account && parsed.success ? (
        <div className="stack">
          <p className="muted">
            for <strong>{maskEmail(account.email)}</strong>. Afterwards every session of your account is signed out, and you sign in again with the new
            password.
          </p>
          <ResetPasswordForm token={parsed.data.token} action={resetPasswordAction} />
        </div>
      ) : (
        <div className="stack">
          <Notice tone="error">This link has expired or was already used.</Notice>
          <a className="btn btn-block" href="/forgot-password">
            Ask for a new link
          </a>
          <a className="btn btn-secondary btn-block" href="/sign-in">
            Back to sign in
          </a>
        </div>
      )}
    </div>
  );
}
