"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Notice } from "@/components/ui/notice";
import { confirmFlowMagicLinkAction } from "@/app/(auth)/actions";

/**
 * The click that uses the link up: a person's POST, never the GET a link scanner makes. A link that
 * belongs to a waiting sign-in (the second-factor fallback) completes that sign-in where it started.
 */
export function MagicLinkConfirm({ token, maskedEmail, forFlow }: { token: string; maskedEmail: string; forFlow: boolean }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    if (forFlow) {
      const result = await confirmFlowMagicLinkAction(token);
      setPending(false);
      if (result.status === "success") setConfirmed(result.message ?? "Confirmed.");
      else setFailed(result.message ?? "This link has expired or was already used.");
      return;
    }
    const result = await signIn("magic-link", { token, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFailed("This link has expired or was already used. Ask for a new one.");
      return;
    }
    window.location.assign("/account");
  }
  if (confirmed) return <Notice tone="success">{confirmed}</Notice>;
  return (
    <div className="stack">
      {failed && <Notice tone="error">{failed}</Notice>}
      <p>
        {forFlow ? "Confirm the sign-in of" : "Sign in as"} <strong>{maskedEmail}</strong>?
      </p>
      <button className="btn btn-block" type="button" onClick={confirm} disabled={pending || Boolean(failed)}>
        {pending ? "Confirming…" : forFlow ? "Yes, it's me" : "Continue and sign in"}
      </button>
    </div>
  );
}
