import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { config } from "@/lib/config";
import { requestLocale } from "@/lib/i18n/request-locale";
import { clientAddress, PEER_ADDRESS_HEADER, type TrustedProxies } from "@/lib/net/client-address";
import { clientLocation } from "@/lib/net/client-location";

/**
 * server.mjs sets this in its own process before Next loads: only then does PEER_ADDRESS_HEADER come
 * from the socket. Under a bare `next start` a client could send that header itself, so it is ignored.
 */
export const PEER_HEADER_SET_BY_SERVER = "MFA_PEER_ADDRESS_HEADER";

/**
 * Who is asking, for the audit log: the client address (security.md item 30), the user agent and, when
 * the operator's proxy says, the place; and the language they read, for the passcodes sent to them.
 */
export async function requestMeta(): Promise<RequestMeta> {
  const [h, locale] = await Promise.all([headers(), requestLocale()]);
  return { ...metaFromHeaders(h), locale };
}

export function metaFromHeaders(
  h: { get(name: string): string | null },
  trusted: TrustedProxies = config().trustedProxies,
  locationHeaders: readonly string[] = config().ipLocationHeaders,
): RequestMeta {
  const peer = process.env[PEER_HEADER_SET_BY_SERVER] === "1" ? h.get(PEER_ADDRESS_HEADER) : null;
  const location = clientLocation({ peer, headers: h, names: locationHeaders, trusted });
  return {
    ip: clientAddress({ peer, forwardedFor: h.get("x-forwarded-for"), trusted }),
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
    // Only when there is one, so an audit row's meta (and the tests comparing it) stay as they were.
    ...(location ? { location } : {}),
  };
}
