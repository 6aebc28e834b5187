"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { finishBrowserCheck, startBrowserCheck } from "@/app/(auth)/sign-in/verify/browser-actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Notice } from "@/components/ui/notice";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { forgetBrowserKey, proveBrowserKey } from "@/lib/device-keys/browser-key-store";

/**
 * Between the password and the second factor: this browser signs a nonce with its device key, if it
 * holds one for the account (lib/device-keys). A remembered browser is signed in from here; any other
 * goes on to the second factor (the page is rendered again, now past the check), or, where only
 * registered browsers may sign in, is refused with the reason.
 */
export function BrowserCheck({ userId, returnTo }: { userId: string; returnTo: string }) {
  const t = useTranslations("authentication.browserCheck");
  const router = useRouter();
  const [problem, setProblem] = useState<{ message: string; refused: boolean } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const issued = await startBrowserCheck();
      if (!("nonce" in issued)) return setProblem({ message: issued.message, refused: false });
      const proof = await proveBrowserKey(userId, issued.nonce).catch(() => null);
      const answer = await finishBrowserCheck(proof ? { ...proof, nonce: issued.nonce } : null, returnTo);
      if (answer.status === "signed-in") {
        window.location.assign(safeReturnPath(answer.redirectTo, { origin: window.location.origin }));
      } else if (answer.status === "second-factor") {
        // A key the account no longer has (forgotten elsewhere): this browser is a new one again.
        if (answer.forgetLocalKey) await forgetBrowserKey(userId).catch(() => undefined);
        router.refresh();
      } else {
        setProblem({ message: answer.message, refused: answer.status === "refused" });
      }
    })().catch(() => setProblem({ message: t("failed"), refused: false }));
  }, [userId, returnTo, router, t]);

  useEffect(() => {
    if (problem) noticeRef.current?.focus();
  }, [problem]);

  if (problem) {
    return (
      <div className="card stack">
        <h1>{problem.refused ? t("refused") : t("notFinished")}</h1>
        <div ref={noticeRef} tabIndex={-1}>
          <Notice tone="error">{problem.message}</Notice>
        </div>
        <SignOutButton />
      </div>
    );
  }
  return (
    <div className="card stack" aria-busy="true">
      <h1>{t("heading")}</h1>
      <p className="muted" role="status">
        {t("checking")}
      </p>
    </div>
  );
}
