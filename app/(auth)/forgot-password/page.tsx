import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { requestPasswordResetAction } from "../actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="card">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email of your account. We will send it a link to choose a new password.</p>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      <p className="small muted sign-in-footer">
        Remembered it? <a href="/sign-in">Back to sign in</a>
      </p>
    </div>
  );
}
