import type { Metadata } from "next";
import { VerifyEmailConfirm } from "@/components/auth/verify-email-confirm";
import { Notice } from "@/components/ui/notice";
import { peekEmailVerification } from "@/lib/auth/email-verification";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";
import { confirmEmailAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your email" };

/** Opening the link only shows this page; the address is confirmed by the button's POST (scanners GET links). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const link = parsed.success ? await peekEmailVerification(parsed.data.token) : null;
  return (
    <div className="card">
      <h1>Confirm your email</h1>
      {link && parsed.success ? (
        <VerifyEmailConfirm token={parsed.data.token} maskedEmail={maskEmail(link.email)} confirm={confirmEmailAction} />
      ) : (
        <div className="stack">
          <Notice tone="error">This link has expired or was already used. Sign in to ask for a new one.</Notice>
          <a className="btn btn-secondary" href="/sign-in">
            Go to sign in
          </a>
        </div>
      )}
    </div>
  );
}
