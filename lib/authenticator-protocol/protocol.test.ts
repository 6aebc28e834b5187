import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromBase64Url, toBase64Url } from "@/lib/authenticator-protocol/base64url";
import {
  AuthenticatorRequestError,
  createAuthenticatorClient,
  pairNewInstallation,
  type DecideRequest,
  type ListPendingRequestsRequest,
  type PairRequest,
} from "@/lib/authenticator-protocol/client";
import {
  canonicalPublicKey,
  exportPublicKey,
  generateDeviceKeyPair,
  importPublicKey,
  isInstallationId,
  MemoryKeyStore,
  newInstallationId,
} from "@/lib/authenticator-protocol/keys";
import {
  formatPairingKey,
  PAIRING_KEY_BITS,
  pairingUrl,
  parsePairingKey,
  QR_SECRET_BITS,
  qrSecretFromUrl,
} from "@/lib/authenticator-protocol/pairing-key";
import { mobilePasscode, passcodeSecondsLeft } from "@/lib/authenticator-protocol/passcode";
import { decisionPayload, listRequestPayload, PayloadError, subscribeRequestPayload, unsubscribeRequestPayload, withinSignatureWindow } from "@/lib/authenticator-protocol/payloads";
import { signDecision, signListRequest, signPayload, signSubscribeRequest, signUnsubscribeRequest, verifyPayloadSignature } from "@/lib/authenticator-protocol/sign";

test("base64url round-trips every length and refuses a second spelling", () => {
  for (let n = 0; n < 40; n++) {
    const bytes = crypto.getRandomValues(new Uint8Array(n));
    const text = toBase64Url(bytes);
    assert.equal(text, Buffer.from(bytes).toString("base64url"));
    assert.deepEqual(fromBase64Url(text), bytes);
  }
  for (const bad of ["A", "AB=", "a+b/", "AB", "AAB"]) {
    // "AB" and "AAB" leave non-zero bits over: "AA" and "AAA" are the canonical spellings.
    assert.throws(() => fromBase64Url(bad), TypeError, bad);
  }
});

test("the pairing key forms: 50 bits typed, 128 bits in the QR code; typing slips are forgiven", () => {
  assert.ok(PAIRING_KEY_BITS >= 40 && PAIRING_KEY_BITS === 50);
  assert.ok(QR_SECRET_BITS >= 112);
  assert.deepEqual(parsePairingKey("abcde-fghjk"), { kind: "typed", key: "ABCDEFGHJK" });
  assert.deepEqual(parsePairingKey(" 0o1il 23456 "), { kind: "typed", key: "0011123456" });
  assert.equal(parsePairingKey("ABCDE-FGHJU"), null, "U is not in Crockford's alphabet");
  assert.equal(parsePairingKey("ABCDE-FGHJ"), null);
  assert.equal(formatPairingKey("ABCDEFGHJK"), "ABCDE-FGHJK");
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  assert.deepEqual(parsePairingKey(secret), { kind: "qr", secret });
  const url = pairingUrl("https://accounts.example.com/", secret);
  assert.equal(url, `https://accounts.example.com/authenticator/pair#${secret}`);
  assert.equal(qrSecretFromUrl(url), secret);
  assert.equal(qrSecretFromUrl("https://accounts.example.com/authenticator/pair"), null);
});

test("a device key pair: P-256, the private key cannot be exported, the public key round-trips as SPKI", async () => {
  const { privateKey, publicKey } = await generateDeviceKeyPair();
  assert.equal(privateKey.extractable, false);
  await assert.rejects(crypto.subtle.exportKey("pkcs8", privateKey));
  await assert.rejects(crypto.subtle.exportKey("jwk", privateKey));
  const spki = await exportPublicKey(publicKey);
  assert.match(spki, /^[A-Za-z0-9_-]+$/);
  assert.equal(await canonicalPublicKey(spki), spki);
  assert.equal((await importPublicKey(spki)).type, "public");
});

test("only an ECDSA P-256 public key is accepted", async () => {
  const p384 = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, true, ["sign", "verify"]);
  const rsa = await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  );
  const p256 = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const refused = [
    toBase64Url(await crypto.subtle.exportKey("spki", p384.publicKey)),
    toBase64Url(await crypto.subtle.exportKey("spki", rsa.publicKey)),
    toBase64Url(await crypto.subtle.exportKey("pkcs8", p256.privateKey)),
    "",
    "not a key",
    "A".repeat(5000),
  ];
  for (const spki of refused) await assert.rejects(importPublicKey(spki), { name: "InvalidPublicKeyError" });
});

test("installation ids: 128 random bits, base64url", () => {
  const ids = new Set(Array.from({ length: 50 }, () => newInstallationId()));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.ok(isInstallationId(id) && fromBase64Url(id).length === 16);
  assert.equal(isInstallationId("short"), false);
  assert.equal(isInstallationId("has a space in it ok"), false);
});

test("the canonical payloads, and fields that could shift them are refused", () => {
  assert.equal(
    decisionPayload({ challengeId: "c-1", number: 42, decision: "APPROVE", signedAt: 1700000000000 }),
    "mfa-push-v1\nc-1\n42\nAPPROVE\n1700000000000",
  );
  assert.equal(decisionPayload({ challengeId: "c-1", number: null, decision: "DENY", signedAt: 5 }), "mfa-push-v1\nc-1\n\nDENY\n5");
  assert.equal(listRequestPayload({ deviceId: "d1", signedAt: 7 }), "mfa-list-v1\nd1\n7");
  const bad = [
    { challengeId: "c\n1", number: 42, decision: "APPROVE", signedAt: 1 },
    { challengeId: "c1", number: null, decision: "APPROVE", signedAt: 1 },
    { challengeId: "c1", number: 9, decision: "APPROVE", signedAt: 1 },
    { challengeId: "c1", number: 100, decision: "APPROVE", signedAt: 1 },
    { challengeId: "c1", number: 42.5, decision: "APPROVE", signedAt: 1 },
    { challengeId: "c1", number: 42, decision: "MAYBE", signedAt: 1 },
    { challengeId: "c1", number: 42, decision: "APPROVE", signedAt: 1.5 },
    { challengeId: "c1", number: 42, decision: "APPROVE", signedAt: "1" },
  ];
  for (const fields of bad) assert.throws(() => decisionPayload(fields as never), PayloadError, JSON.stringify(fields));
  assert.throws(() => listRequestPayload({ deviceId: "", signedAt: 1 }), PayloadError);
  assert.ok(withinSignatureWindow(0, 60_000) && withinSignatureWindow(60_000, 0));
  assert.ok(!withinSignatureWindow(0, 60_001) && !withinSignatureWindow(60_001, 0));
});

test("a signature verifies with its own public key over its own payload only", async () => {
  const phone = await generateDeviceKeyPair();
  const other = await generateDeviceKeyPair();
  const spki = await exportPublicKey(phone.publicKey);
  const signed = await signDecision(phone.privateKey, { challengeId: "c1", number: 42, decision: "APPROVE" });
  assert.ok(Math.abs(signed.signedAt - Date.now()) < 5000);
  assert.equal(fromBase64Url(signed.signature).length, 64, "IEEE P1363 r||s");
  assert.ok(await verifyPayloadSignature(spki, decisionPayload(signed), signed.signature));
  assert.ok(!(await verifyPayloadSignature(await exportPublicKey(other.publicKey), decisionPayload(signed), signed.signature)));
  assert.ok(!(await verifyPayloadSignature(spki, decisionPayload({ ...signed, number: 43 }), signed.signature)));
  assert.ok(!(await verifyPayloadSignature(spki, decisionPayload({ ...signed, decision: "DENY" }), signed.signature)));
  assert.ok(!(await verifyPayloadSignature(spki, decisionPayload(signed), "not-a-signature")));
  assert.ok(!(await verifyPayloadSignature("garbage", decisionPayload(signed), signed.signature)));
  // A list request's signature is no decision's, even over the same id.
  const list = await signListRequest(phone.privateKey, { deviceId: "c1", signedAt: signed.signedAt });
  assert.ok(await verifyPayloadSignature(spki, listRequestPayload(list), list.signature));
  assert.ok(!(await verifyPayloadSignature(spki, decisionPayload(signed), list.signature)));
  assert.ok(await verifyPayloadSignature(phone.publicKey, "anything", await signPayload(phone.privateKey, "anything")));
});

test("the mobile passcode is RFC 6238's TOTP (its SHA-1 test vectors) with a countdown", async () => {
  // RFC 6238 appendix B, seed "12345678901234567890", last six of the eight digits.
  const seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  const vectors: [number, string][] = [
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ];
  for (const [seconds, code] of vectors) assert.equal(await mobilePasscode(seed, seconds * 1000), code, `T=${seconds}`);
  assert.equal(await mobilePasscode(seed.toLowerCase(), 59_000), "287082");
  assert.equal(passcodeSecondsLeft(0), 30);
  assert.equal(passcodeSecondsLeft(1_000), 29);
  assert.equal(passcodeSecondsLeft(29_500), 1);
  assert.equal(passcodeSecondsLeft(new Date(30_000)), 30);
});

test("the memory key store keeps, finds and forgets key pairs per installation", async () => {
  const store = new MemoryKeyStore();
  const pair = await generateDeviceKeyPair();
  await store.put("install-a", pair);
  assert.equal(await store.get("install-a"), pair);
  assert.equal(await store.get("install-b"), undefined);
  await store.delete("install-a");
  assert.equal(await store.get("install-a"), undefined);
});

/** A stand-in for the server's three endpoints that verifies what it receives with the protocol itself. */
function fakeServer(options: { refusePair?: boolean } = {}) {
  const seen: { url: string; body: unknown; credentials?: RequestCredentials }[] = [];
  let publicKey = "";
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const body = JSON.parse(String(init?.body));
    seen.push({ url, body, credentials: init?.credentials });
    if (url.endsWith("/api/v1/authenticator/pair")) {
      if (options.refusePair) return json(409, { code: "PAIRING_KEY_USED", message: "Used." });
      publicKey = (body as PairRequest).publicKey;
      return json(200, { deviceId: "dev1", companyName: "Acme", account: "a•••@example.com", passcode: { seed: "AAAA", algorithm: "SHA1", digits: 6, periodSeconds: 30 } });
    }
    if (url.endsWith("/api/v1/authenticator/requests")) {
      const request = body as ListPendingRequestsRequest;
      const ok = await verifyPayloadSignature(publicKey, listRequestPayload(request), request.signature);
      return ok ? json(200, { requests: [] }) : json(403, { code: "SIGNATURE_INVALID", message: "Bad signature." });
    }
    if (url.endsWith("/api/v1/authenticator/decide")) {
      const request = body as DecideRequest;
      const ok = await verifyPayloadSignature(publicKey, decisionPayload(request), request.signature);
      return ok ? json(200, { status: request.decision === "APPROVE" ? "APPROVED" : "DENIED" }) : json(403, { code: "SIGNATURE_INVALID", message: "Bad." });
    }
    return new Response("<html>not found</html>", { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

test("the client pairs a new installation, lists and decides with signatures the server can verify", async () => {
  const server = fakeServer();
  const client = createAuthenticatorClient({ baseUrl: "https://accounts.example.com/", fetch: server.fetch });
  const keyStore = new MemoryKeyStore();
  const { installationId, pairing } = await pairNewInstallation({ client, keyStore, key: "ABCDE-FGHJK", account: "amy@example.com" });
  assert.equal(pairing.deviceId, "dev1");
  const keyPair = await keyStore.get(installationId);
  assert.ok(keyPair);
  assert.equal(server.seen[0]!.url, "https://accounts.example.com/api/v1/authenticator/pair");
  assert.deepEqual(Object.keys(server.seen[0]!.body as object).sort(), ["account", "installationId", "key", "publicKey"]);
  assert.equal(server.seen[0]!.credentials, "omit");
  assert.deepEqual(await client.listPendingRequests({ deviceId: "dev1", privateKey: keyPair.privateKey }), { requests: [] });
  assert.deepEqual(await client.decide({ deviceId: "dev1", challengeId: "c1", number: 42, decision: "APPROVE", privateKey: keyPair.privateKey }), { status: "APPROVED" });
  const stranger = await generateDeviceKeyPair();
  await assert.rejects(
    client.decide({ deviceId: "dev1", challengeId: "c1", number: 42, decision: "APPROVE", privateKey: stranger.privateKey }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "SIGNATURE_INVALID" && e.status === 403,
  );
});

test("the client turns refusals into typed errors and throws the key pair of a failed pairing away", async () => {
  const server = fakeServer({ refusePair: true });
  const client = createAuthenticatorClient({ baseUrl: "https://accounts.example.com", fetch: server.fetch });
  const keyStore = new MemoryKeyStore();
  await assert.rejects(
    pairNewInstallation({ client, keyStore, key: "x" }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "PAIRING_KEY_USED" && e.message === "Used.",
  );
  const installationId = (server.seen[0]!.body as PairRequest).installationId;
  assert.equal(await keyStore.get(installationId), undefined);
  const lost = createAuthenticatorClient({ baseUrl: "https://accounts.example.com", fetch: server.fetch, paths: { pair: "/nowhere" } });
  await assert.rejects(lost.pair({ key: "k", publicKey: "p", installationId: "i" }), (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "UNEXPECTED_RESPONSE");
  const offline = createAuthenticatorClient({ baseUrl: "https://accounts.example.com", fetch: async () => Promise.reject(new TypeError("offline")) });
  await assert.rejects(offline.pair({ key: "k", publicKey: "p", installationId: "i" }), (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "NETWORK_ERROR");
});

test("the module is framework-free: it imports only its own files, and nothing of Node, React or Next", () => {
  const dir = path.join(process.cwd(), "lib", "authenticator-protocol");
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  assert.ok(sources.length >= 9);
  for (const file of sources) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      assert.match(specifier!, /^\.\/[a-z0-9-]+$/, `${file} imports ${specifier}`);
    }
    assert.doesNotMatch(text, /\b(Buffer\.|process\.|require\()|server-only/, file);
    // IndexedDB is the browser's; only its own file may touch it.
    if (file !== "indexeddb-key-store.ts") assert.doesNotMatch(text, /indexedDB|window\.|document\./, file);
  }
});

test("subscribing and unsubscribing have payloads of their own: no list request's signature stands for them, and the endpoint is signed", async () => {
  const phone = await generateDeviceKeyPair();
  const spki = await exportPublicKey(phone.publicKey);
  const endpoint = "https://push.example/send/abc";
  assert.equal(subscribeRequestPayload({ deviceId: "d1", endpoint, signedAt: 7 }), `mfa-subscribe-v1\nd1\n${endpoint}\n7`);
  assert.equal(unsubscribeRequestPayload({ deviceId: "d1", signedAt: 7 }), "mfa-unsubscribe-v1\nd1\n7");
  assert.throws(() => subscribeRequestPayload({ deviceId: "d\n1", endpoint, signedAt: 7 }), PayloadError);
  // An endpoint that could shift the lines, or is no web address, builds no payload.
  for (const bad of [`${endpoint}\n8`, "javascript:alert(1)", "", `https://push.example/${"x".repeat(2048)}`]) {
    assert.throws(() => subscribeRequestPayload({ deviceId: "d1", endpoint: bad, signedAt: 7 }), PayloadError, bad.slice(0, 40));
  }
  const subscribe = await signSubscribeRequest(phone.privateKey, { deviceId: "d1", endpoint });
  assert.ok(await verifyPayloadSignature(spki, subscribeRequestPayload(subscribe), subscribe.signature));
  assert.ok(!(await verifyPayloadSignature(spki, subscribeRequestPayload({ ...subscribe, endpoint: "https://evil.example/x" }), subscribe.signature)));
  const list = await signListRequest(phone.privateKey, { deviceId: "d1", signedAt: subscribe.signedAt });
  assert.ok(!(await verifyPayloadSignature(spki, unsubscribeRequestPayload(list), list.signature)));
  const unsubscribe = await signUnsubscribeRequest(phone.privateKey, { deviceId: "d1", signedAt: subscribe.signedAt });
  assert.ok(await verifyPayloadSignature(spki, unsubscribeRequestPayload(unsubscribe), unsubscribe.signature));
  assert.ok(!(await verifyPayloadSignature(spki, listRequestPayload(unsubscribe), unsubscribe.signature)));
});

test("the client reads a problem document's detail, sends GET without a body and PUT with the signed subscription", async () => {
  const seen: { url: string; method?: string; body?: unknown }[] = [];
  const problem = { type: "https://a.example/api/v1/problems/forbidden", title: "Forbidden", status: 403, code: "SIGNATURE_EXPIRED", detail: "Set the clock." };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(input), method: init?.method, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (String(input).endsWith("/vapid-key")) return new Response(JSON.stringify({ publicKey: "BKey" }), { status: 200 });
    return new Response(JSON.stringify(problem), { status: 403, headers: { "content-type": "application/problem+json" } });
  }) as typeof globalThis.fetch;
  const client = createAuthenticatorClient({ baseUrl: "https://a.example", fetch });
  assert.deepEqual(await client.getVapidKey(), { publicKey: "BKey" });
  assert.deepEqual(seen[0], { url: "https://a.example/api/v1/authenticator/vapid-key", method: "GET", body: undefined });
  const phone = await generateDeviceKeyPair();
  await assert.rejects(
    client.saveSubscription({ deviceId: "d1", privateKey: phone.privateKey, subscription: { endpoint: "https://push.example/x" } }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "SIGNATURE_EXPIRED" && e.message === "Set the clock." && e.status === 403,
  );
  const put = seen[1]!;
  assert.equal(put.url, "https://a.example/api/v1/authenticator/subscription");
  assert.equal(put.method, "PUT");
  const body = put.body as { deviceId: string; signedAt: number; signature: string; subscription: unknown };
  assert.deepEqual(body.subscription, { endpoint: "https://push.example/x" });
  assert.equal("endpoint" in body, false);
  assert.ok(await verifyPayloadSignature(phone.publicKey, subscribeRequestPayload({ ...body, endpoint: "https://push.example/x" }), body.signature));
});
