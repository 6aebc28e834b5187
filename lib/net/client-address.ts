import { BlockList, isIP } from "node:net";

/**
 * The client's address for the audit log and rate limits (security.md item 30).
 *
 * Anyone can send `X-Forwarded-For`, so by default the address is the TCP peer's, which server.mjs
 * copies into PEER_ADDRESS_HEADER after deleting whatever the client sent under that name. Only
 * when the peer is one of the configured trusted proxies is the forwarded chain read, from the right:
 * each trusted proxy appends the address it was talked to by, so the right-most address that is not
 * a trusted proxy is the first one no proxy of ours vouches for, i.e. the client. Everything left of
 * it was written by the client and may be invented.
 */
export const PEER_ADDRESS_HEADER = "x-mfa-peer-address";

export type TrustedProxies = { list: BlockList; empty: boolean };

/** One address or CIDR per entry (`10.0.0.0/8`, `::1`, `fd00::/8`); throws on anything else. */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 4 ? 32 : 128;
    if (!family || rest.length > 0 || (bits !== undefined && (!/^\d{1,3}$/.test(prefix ?? "") || bits > max))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { list, empty: entries.length === 0 };
}

/** A valid address in its plain form (IPv4-mapped IPv6 as IPv4, no zone, no brackets), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  address = address.replace(/%[\w.-]+$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  const family = isIP(address);
  if (!family) return null;
  return family === 6 ? address.toLowerCase() : address;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  if (trusted.empty) return false;
  return trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** Whether the request came straight from one of the configured proxies, whose own headers are then believed. */
export function isTrustedPeer(peer: string | null | undefined, trusted: TrustedProxies): boolean {
  const address = normalizeAddress(peer);
  return address !== null && isTrusted(address, trusted);
}

/**
 * The client address from the peer address and, behind trusted proxies only, the forwarded chain.
 * Null when the peer is unknown (the app was started without server.mjs): then nothing is believed.
 */
export function clientAddress(options: { peer: string | null | undefined; forwardedFor: string | null | undefined; trusted: TrustedProxies }): string | null {
  const peer = normalizeAddress(options.peer);
  if (!peer) return null;
  if (!isTrusted(peer, options.trusted) || !options.forwardedFor) return peer;
  const chain = options.forwardedFor.split(",").slice(-32);
  let closest = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    // Garbage where an address should be: not written by a proxy we trust, so stop at the last
    // address one of them vouched for.
    if (!hop) return closest;
    if (!isTrusted(hop, options.trusted)) return hop;
    closest = hop;
  }
  return closest;
}
