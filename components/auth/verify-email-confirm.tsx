"use client";

import { useState } from "react";
import { FocusedNotice } from "@/components/ui/focused-notice";
import type { ActionResult } from "@/lib/actions/action-result";

/** The click that confirms the address: a person's POST, never the GET a link scanner makes. */
export function VerifyEmailConfirm({ token, maskedEmail, confirm }: { token: string; maskedEmail: string; confirm: (token: string) => Promise<ActionResult> }) {
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
        <FocusedNotice tone="success" message={result.message ?? "Your email address is confirmed."} />
        <a className="btn btn-block" href="/sign-in">
          Sign in
        </a>
      </div>
    );
  }
  return (
    <div className="stack">
      {result?.status === "error" && <FocusedNotice tone="error" message={result.message ?? "This link has expired or was already used."} />}
      <p>
        Confirm that <strong>{maskedEmail}</strong> is your email address?
      </p>
      <button className="btn btn-block" type="button" onClick={onClick} disabled={pending || result?.status === "error"}>
        {pending ? "Confirming…" : "Confirm my email"}
      </button>
    </div>
  );
}
