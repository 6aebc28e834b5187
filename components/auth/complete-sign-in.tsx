"use client";

import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { Notice } from "@/components/ui/notice";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

/** Exchanges the finished second-factor flow for the complete session, then goes where the user was going. */
export function CompleteSignIn({ flowId, returnTo }: { flowId: string; returnTo: string }) {
  const started = useRef(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signIn("second-factor", { flowId, redirect: false }).then((result) => {
      if (!result || result.error) setFailed(true);
      else window.location.assign(safeReturnPath(returnTo, { origin: window.location.origin }));
    });
  }, [flowId, returnTo]);
  return failed ? (
    <Notice tone="error">We could not finish signing you in. Sign out and sign in again.</Notice>
  ) : (
    <p className="muted" role="status">
      Verified. Signing you in…
    </p>
  );
}
