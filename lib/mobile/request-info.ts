import type { PushRequestInfo } from "@/lib/authenticator-protocol/client";
import { describeBrowser } from "@/lib/http/user-agent";

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
