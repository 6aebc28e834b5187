"use client";

import { useEffect, useState } from "react";
import { detectBrowserHint, type BrowserHint } from "@/lib/flows/browser-hint";

// Found once per page: what a browser can do does not change while the page is open.
let found: Promise<BrowserHint> | null = null;

/**
 * What this browser can do (passkeys, security keys), found as the page loads and sent as hidden
 * fields with the button that starts a registration (Add device, Turn on two-step verification), so
 * the registration opens on its choice of devices instead of a "checking what this browser can do"
 * screen. Until it is known no field is sent, and the registration asks the browser itself as before.
 */
export function BrowserCapabilityFields() {
  const [hint, setHint] = useState<BrowserHint | null>(null);
  useEffect(() => {
    let live = true;
    found ??= detectBrowserHint();
    void found.then((h) => live && setHint(h)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!hint) return null;
  return (
    <>
      <input type="hidden" name="webauthn" value={String(hint.webauthn)} />
      <input type="hidden" name="platformAuthenticator" value={String(hint.platformAuthenticator)} />
    </>
  );
}
