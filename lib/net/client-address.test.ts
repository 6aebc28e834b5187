import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, normalizeAddress, parseTrustedProxies } from "@/lib/net/client-address";

const none = parseTrustedProxies([]);
const proxies = parseTrustedProxies(["10.0.0.0/8", "127.0.0.1", "fd00::/8"]);

test("without trusted proxies a forged X-Forwarded-For is ignored: the peer address counts", () => {
  assert.equal(clientAddress({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: none }), "203.0.113.9");
  assert.equal(clientAddress({ peer: "127.0.0.1", forwardedFor: "1.2.3.4, 5.6.7.8", trusted: none }), "127.0.0.1");
});

test("a peer that is not a trusted proxy is the client, whatever it forwards", () => {
  assert.equal(clientAddress({ peer: "198.51.100.7", forwardedFor: "1.2.3.4", trusted: proxies }), "198.51.100.7");
});

test("behind trusted proxies the right-most untrusted address in the chain is the client", () => {
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.5", trusted: proxies }), "203.0.113.5");
  // The client prepended an invented address; the proxies appended the real one and themselves.
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.1.1.1, 203.0.113.5, 10.0.0.1", trusted: proxies }), "203.0.113.5");
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: "garbage, 203.0.113.5", trusted: proxies }), "203.0.113.5");
  // Only proxies in the chain: the left-most one they vouch for.
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: "10.0.0.9", trusted: proxies }), "10.0.0.9");
  // Garbage right after a trusted hop: stop at what the trusted hop vouched for.
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: "<script>", trusted: proxies }), "10.0.0.2");
  assert.equal(clientAddress({ peer: "10.0.0.2", forwardedFor: null, trusted: proxies }), "10.0.0.2");
});

test("IPv6 and IPv4-mapped IPv6 addresses are matched and recorded in their plain form", () => {
  assert.equal(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "2001:DB8::1", trusted: proxies }), "2001:db8::1");
  assert.equal(clientAddress({ peer: "::ffff:10.1.2.3", forwardedFor: "[2001:db8::2], fd00::1", trusted: proxies }), "2001:db8::2");
  assert.equal(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4", trusted: none }), "127.0.0.1");
  assert.equal(clientAddress({ peer: "::1", forwardedFor: "1.2.3.4", trusted: none }), "::1");
  assert.equal(normalizeAddress("fe80::1%eth0"), "fe80::1");
  assert.equal(normalizeAddress("not-an-ip"), null);
});

test("an unknown peer yields no address rather than a believed header", () => {
  assert.equal(clientAddress({ peer: null, forwardedFor: "1.2.3.4", trusted: proxies }), null);
  assert.equal(clientAddress({ peer: "nonsense", forwardedFor: "1.2.3.4", trusted: none }), null);
});

test("trusted proxy entries must be addresses or CIDR ranges", () => {
  assert.throws(() => parseTrustedProxies(["proxy.example"]));
  assert.throws(() => parseTrustedProxies(["10.0.0.0/33"]));
  assert.throws(() => parseTrustedProxies(["10.0.0.0/x"]));
  assert.doesNotThrow(() => parseTrustedProxies(["::1/128", "192.168.0.0/16"]));
});
