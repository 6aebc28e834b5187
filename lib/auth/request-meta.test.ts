import { test } from "node:test";
import assert from "node:assert/strict";
import { metaFromHeaders, PEER_HEADER_SET_BY_SERVER } from "@/lib/auth/request-meta";
import { parseTrustedProxies } from "@/lib/net/client-address";

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

test("a client's own X-Forwarded-For does not become its audited address", () => {
  process.env[PEER_HEADER_SET_BY_SERVER] = "1";
  const meta = metaFromHeaders(headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-mfa-peer-address": "::ffff:127.0.0.1", "user-agent": "test" }));
  assert.deepEqual(meta, { ip: "127.0.0.1", userAgent: "test" });
});

test("behind a configured proxy the forwarded client address is used", () => {
  process.env[PEER_HEADER_SET_BY_SERVER] = "1";
  const trusted = parseTrustedProxies(["127.0.0.1"]);
  const meta = metaFromHeaders(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.4", "x-mfa-peer-address": "127.0.0.1" }), trusted);
  assert.equal(meta.ip, "203.0.113.4");
});

test("without server.mjs the peer header is anyone's to send, so no address is believed", () => {
  delete process.env[PEER_HEADER_SET_BY_SERVER];
  const meta = metaFromHeaders(headers({ "x-forwarded-for": "6.6.6.6", "x-mfa-peer-address": "5.5.5.5" }));
  assert.equal(meta.ip, null);
});

test("the place the operator's proxy names is read only from that proxy, and joined in the order configured", () => {
  process.env[PEER_HEADER_SET_BY_SERVER] = "1";
  const trusted = parseTrustedProxies(["127.0.0.1"]);
  const names = ["cf-ipcity", "cf-ipcountry"];
  const sent = { "cf-ipcity": "Berlin", "cf-ipcountry": "DE", "user-agent": "test" };
  assert.equal(metaFromHeaders(headers({ ...sent, "x-mfa-peer-address": "127.0.0.1" }), trusted, names).location, "Berlin, DE");
  // Straight from a client, the same headers are its own invention.
  assert.equal(metaFromHeaders(headers({ ...sent, "x-mfa-peer-address": "198.51.100.9" }), trusted, names).location, undefined);
  // No headers configured: nothing is read, whatever arrives.
  assert.equal(metaFromHeaders(headers({ ...sent, "x-mfa-peer-address": "127.0.0.1" }), trusted, []).location, undefined);
  // An unknown country says nothing; a city sent as UTF-8 bytes (read by Node as Latin-1) is read back.
  const zurich = Buffer.from("Zürich", "utf8").toString("latin1");
  assert.equal(metaFromHeaders(headers({ "cf-ipcity": zurich, "cf-ipcountry": "XX", "x-mfa-peer-address": "127.0.0.1" }), trusted, names).location, "Zürich");
  assert.equal(metaFromHeaders(headers({ "cf-ipcity": "S%C3%A3o Paulo\n", "x-mfa-peer-address": "127.0.0.1" }), trusted, names).location, "São Paulo");
});
