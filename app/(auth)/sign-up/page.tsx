import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { config } from "@/lib/config";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="card">
      <h1>Create your account</h1>
      <p className="muted">One account for everything {config().branding.companyName}.</p>
      <SignUpForm action={signUpAction} />
      <p className="small muted" style={{ marginTop: "1.25rem" }}>
        Already have an account? <a href="/sign-in">Sign in</a>
      </p>
    </div>
  );
}
