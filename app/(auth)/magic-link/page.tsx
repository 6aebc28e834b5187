import type { Metadata } from "next";
import { MagicLinkConfirm } from "@/components/auth/magic-link-confirm";
import { Notice } from "@/components/ui/notice";
import { peekMagicLink } from "@/lib/auth/magic-link";
import { maskEmail } from "@/lib/devices/mask-target";
import { magicLinkTokenSchema } from "@/lib/validations/auth";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("signIn"))("magicLink.title") };
}

/** Opening the link only shows this page; nothing is used up until the person confirms. */
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const parsed = magicLinkTokenSchema.safeParse(await searchParams);
  const link = parsed.success ? await peekMagicLink(parsed.data.token) : null;
  const t = await serverTranslator("signIn");
  return (
    <div className="card">
      <h1>{t("magicLink.heading")}</h1>
      {link && parsed.success ? (
        <MagicLinkConfirm token={parsed.data.token} maskedEmail={maskEmail(link.email)} forFlow={link.forFlow} />
      ) : (
        <div className="stack">
          <Notice tone="error">{t("magicLink.expired")}</Notice>
          <a className="btn btn-secondary" href="/sign-in">
            {t("magicLink.backToSignIn")}
          </a>
        </div>
      )}
    </div>
  );
}
