"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { signIn } from "next-auth/react";
import { placed } from "@/components/i18n/placed";
import { Notice } from "@/components/ui/notice";
import { confirmFlowMagicLinkAction } from "@/app/(auth)/actions";

/**
 * The click that uses the link up: a person's POST, never the GET a link scanner makes. A link that
 * belongs to a waiting sign-in (the second-factor fallback) completes that sign-in where it started.
 */
export function MagicLinkConfirm({ token, maskedEmail, forFlow }: { token: string; maskedEmail: string; forFlow: boolean }) {
  const t = useTranslations("signIn.magicLink");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    if (forFlow) {
      const result = await confirmFlowMagicLinkAction(token);
      setPending(false);
      if (result.status === "success") setConfirmed(result.message ?? t("confirmedFallback"));
      else setFailed(result.message ?? t("expired"));
      return;
    }
    const result = await signIn("magic-link", { token, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFailed(t("expiredAskNew"));
      return;
    }
    window.location.assign("/account");
  }
  if (confirmed) return <Notice tone="success">{confirmed}</Notice>;
  return (
    <div className="stack">
      {failed && <Notice tone="error">{failed}</Notice>}
      <p>{placed((v) => t(forFlow ? "confirmFlow" : "signInAs", v), { email: <strong>{maskedEmail}</strong> })}</p>
      <button className="btn btn-block" type="button" onClick={confirm} disabled={pending || Boolean(failed)}>
        {pending ? t("confirming") : forFlow ? t("itsMe") : t("continue")}
      </button>
    </div>
  );
}
