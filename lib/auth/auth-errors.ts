/**
 * next-auth v4 reports failures as `?error=` on its redirect URLs, and for a throwing `authorize` it
 * puts the exception's message there. Only these fixed codes may appear in a URL we send, and the
 * sign-in page shows only the fixed message of a code (security.md item 29). Client-safe: the
 * sign-in page's form reads the same table.
 */
import { isSignInErrorCode, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";
import type { Text } from "@/lib/i18n/text";

/** Each code's message is the catalogue's signIn.authErrors.<code>. */
const AUTH_ERROR_CODES = ["CredentialsSignin", "SessionRequired", "AccessDenied", "Configuration", "Default", "ServiceBusy"] as const;
// ServiceBusy is thrown by lib/auth/auth-options.ts when the database could not check the credentials in time.

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

const codes: readonly AuthErrorCode[] = AUTH_ERROR_CODES;

/**
 * Any value to one of the fixed codes: unknown text (an exception's message, say) becomes "Default".
 * The password sign-in's own refusals (waits, an unconfirmed address) are fixed codes too.
 */
export function authErrorCode(value: unknown): AuthErrorCode | string {
  if (isSignInErrorCode(value)) return value;
  return codes.find((code) => code === value) ?? "Default";
}

/** The fixed message of a code, as a Text (built by hand: the sign-in form's bundle carries this module, not the catalogues). */
export function authErrorMessage(value: unknown): Text {
  const code = authErrorCode(value);
  return (codes as readonly string[]).includes(code) ? { key: `signIn.authErrors.${code as AuthErrorCode}` } : signInErrorMessage(code).message;
}

/** The URL with its `error` parameter, if it has one, replaced by a fixed code. Relative URLs stay relative. */
export function withFixedAuthError(url: string): string {
  const base = "http://relative.invalid";
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return url;
  }
  if (!parsed.searchParams.has("error")) return url;
  parsed.searchParams.set("error", authErrorCode(parsed.searchParams.get("error")));
  return parsed.origin === base ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.toString();
}

/** Only fixed error codes leave in a redirect, whether it is a Location header or next-auth's JSON `url`. */
export async function withFixedAuthErrors(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  if (location) {
    const headers = new Headers(response.headers);
    headers.set("location", withFixedAuthError(location));
    return new Response(response.body, { status: response.status, headers });
  }
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (!body || typeof body !== "object" || !("url" in body) || typeof body.url !== "string") return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const url = withFixedAuthError(body.url);
  // The browser reads the code from the JSON; the status tells anything else to come back shortly.
  const busy = new URL(url, "http://relative.invalid").searchParams.get("error") === "ServiceBusy";
  if (busy) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return new Response(JSON.stringify({ ...body, url }), { status: busy ? 503 : response.status, headers });
}
