/**
 * What the browser can do, noted by the sign-in form in a short-lived cookie so the second-factor page
 * can open on its device choice: otherwise the page's first section only asks the browser (the source's
 * "Gather browser and devices data", a hidden form) and costs a round trip per sign-in. It is a claim of
 * the browser's like the event it replaces, and the Device Authentication flow decides nothing by it
 * (a claim never takes a registered device off the choice). Without the cookie the page asks as before.
 * No server-only imports: the sign-in form writes it.
 */
export const BROWSER_HINT_COOKIE = "mfa_browser";

export type BrowserHint = { webauthn: boolean; platformAuthenticator: boolean };

export function formatBrowserHint(hint: BrowserHint): string {
  return `w${hint.webauthn ? 1 : 0}p${hint.platformAuthenticator ? 1 : 0}`;
}

export function parseBrowserHint(value: string | undefined): BrowserHint | undefined {
  const match = /^w([01])p([01])$/.exec(value ?? "");
  return match ? { webauthn: match[1] === "1", platformAuthenticator: match[2] === "1" } : undefined;
}

/** In the browser: what it can do, as the page's own capability check would find. */
export async function detectBrowserHint(): Promise<BrowserHint> {
  const webauthn = typeof window.PublicKeyCredential === "function";
  const platformAuthenticator = webauthn ? await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false) : false;
  return { webauthn, platformAuthenticator };
}

/** In the browser: kept ten minutes, for this site only, sent only with same-site requests. */
export function rememberBrowserHint(hint: BrowserHint) {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${BROWSER_HINT_COOKIE}=${formatBrowserHint(hint)}; path=/; max-age=600; samesite=lax${secure}`;
}
