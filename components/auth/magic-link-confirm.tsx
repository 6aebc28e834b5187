"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Notice } from "@/components/ui/notice";

/** The click that uses the link up: a person's POST, never the GET a link scanner makes. */
export function MagicLinkConfirm({ token, maskedEmail }: { token: string; maskedEmail: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function confirm() {
    setPending(true);
    const result = await signIn("magic-link", { token, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFailed(true);
      return;
    }
    window.location.assign("/account");
  }
  return (
    <div className="stack">
      {failed && <Notice tone="error">This link has expired or was already used. Ask for a new one.</Notice>}
      <p>
        Sign in as <strong>{maskedEmail}</strong>?
      </p>
      <button className="btn btn-block" type="button" onClick={confirm} disabled={pending || failed}>
        {pending ? "Signing in…" : "Continue and sign in"}
      </button>
    </div>
  );
}
