import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentBranding } from "@/lib/branding/current-branding";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  const { companyName } = await currentBranding();
  return (
    <div className="card">
      <h1>Create your account</h1>
      <p className="muted">One account for everything {companyName}.</p>
      <SignUpForm action={signUpAction} />
      <p className="small muted" style={{ marginTop: "1.25rem" }}>
        Already have an account? <a href="/sign-in">Sign in</a>
      </p>
    </div>
  );
}
