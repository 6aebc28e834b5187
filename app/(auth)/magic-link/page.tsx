import type { Metadata } from "next";
import { MagicLinkConfirm } from "@/components/auth/magic-link-confirm";
import { Notice } from "@/components/ui/notice";
import { peekMagicLink } from "@/lib/auth/magic-link";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in with a link" };

/** Opening the link only shows this page; nothing is used up until the person confirms. */
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const link = parsed.success ? await peekMagicLink(parsed.data.token) : null;
  return (
    <div className="card">
      <h1>Sign in with your link</h1>
      {link && parsed.success ? (
        <MagicLinkConfirm token={parsed.data.token} maskedEmail={maskEmail(link.email)} forFlow={link.forFlow} />
      ) : (
        <div className="stack">
          <Notice tone="error">This link has expired or was already used.</Notice>
          <a className="btn btn-secondary" href="/sign-in">
            Back to sign in
          </a>
        </div>
      )}
    </div>
  );
}
