"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { placed } from "@/components/i18n/placed";
import { FocusedNotice } from "@/components/ui/focused-notice";
import type { ActionResult } from "@/lib/actions/action-result";

/** The click that confirms the address: a person's POST, never the GET a link scanner makes. */
export function VerifyEmailConfirm({ token, maskedEmail, confirm }: { token: string; maskedEmail: string; confirm: (token: string) => Promise<ActionResult> }) {
  const t = useTranslations("signIn.verifyEmail");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  async function onClick() {
    setPending(true);
    setResult(await confirm(token));
    setPending(false);
  }
  if (result?.status === "success") {
    return (
      <div className="stack">
        <FocusedNotice tone="success" message={result.message ?? t("confirmedFallback")} />
        <a className="btn btn-block" href="/sign-in">
          {t("signIn")}
        </a>
      </div>
    );
  }
  return (
    <div className="stack">
      {result?.status === "error" && <FocusedNotice tone="error" message={result.message ?? t("expiredShort")} />}
      <p>{placed((v) => t("question", v), { email: <strong>{maskedEmail}</strong> })}</p>
      <button className="btn btn-block" type="button" onClick={onClick} disabled={pending || result?.status === "error"}>
        {pending ? t("confirming") : t("submit")}
      </button>
    </div>
  );
}
