import type { PushRequestInfo } from "@/lib/authenticator-protocol/client";

/**
 * "Chrome on Windows": the browser and system a user agent names, as the phone shows them beside a
 * sign-in request so the person can tell their own sign-in from someone else's. Only well-known
 * names; anything else is null rather than a guess. Pure.
 */
export function describeBrowser(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const ua = userAgent;
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /SamsungBrowser\//.test(ua)
        ? "Samsung Internet"
        : /Firefox\/|FxiOS\//.test(ua)
          ? "Firefox"
          : /Chrome\/|CriOS\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? "Safari"
              : null;
  const system = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Mac OS X|Macintosh/.test(ua)
              ? "macOS"
              : /Linux/.test(ua)
                ? "Linux"
                : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system;
}

/**
 * What the phone shows about a sign-in request. `place` is an approximate location of the address
 * when the caller knows one; nothing in this app looks addresses up, so it is usually null.
 */
export function pushRequestInfo(options: {
  companyName: string;
  ip?: string | null;
  userAgent?: string | null;
  place?: string | null;
}): PushRequestInfo {
  return {
    company: options.companyName,
    browser: describeBrowser(options.userAgent),
    ip: options.ip ?? null,
    place: options.place ?? null,
  };
}
