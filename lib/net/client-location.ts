import { isTrustedPeer, type TrustedProxies } from "@/lib/net/client-address";

const MAX_PART = 80;
// Control characters would let a header break lines wherever the place is shown or logged.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
// Cloudflare's "unknown country"; saying nothing is more honest than showing it.
const UNKNOWN = new Set(["XX", ""]);

/**
 * The approximate place of the client, from headers the operator's proxy or CDN sets (IP_LOCATION_HEADERS,
 * e.g. "cf-ipcity cf-ipcountry" gives "Berlin, DE"). Nothing is looked up here and nothing is
 * downloaded: the proxy already knows. Believed only when the request came straight from a trusted
 * proxy (security.md item 30): from anyone else these headers are whatever the client wrote. Pure.
 */
export function clientLocation(options: {
  peer: string | null | undefined;
  headers: { get(name: string): string | null };
  names: readonly string[];
  trusted: TrustedProxies;
}): string | null {
  if (options.names.length === 0 || !isTrustedPeer(options.peer, options.trusted)) return null;
  const parts: string[] = [];
  for (const name of options.names) {
    const value = readable(options.headers.get(name));
    if (value && !UNKNOWN.has(value) && !parts.includes(value)) parts.push(value);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}

/**
 * Node reads header bytes as Latin-1, so a city a CDN sends in UTF-8 ("Zürich") arrives garbled: it is
 * decoded again when its bytes are valid UTF-8. Some CDNs percent-encode instead ("S%C3%A3o Paulo").
 */
function readable(raw: string | null): string | null {
  if (!raw) return null;
  let value = raw;
  if (/^[\u0000-\u00ff]*$/.test(value) && /[\u0080-\u00ff]/.test(value)) {
    const decoded = Buffer.from(value, "latin1").toString("utf8");
    if (!decoded.includes("\ufffd")) value = decoded;
  }
  if (/%[0-9a-f]{2}/i.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoding after all: keep it as sent.
    }
  }
  return value.replace(CONTROL_CHARS, " ").trim().slice(0, MAX_PART).trim() || null;
}
