import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { withPolicy } from "@/lib/policy/test-fixtures";
import { createApplication, type CreatedApplication } from "@/lib/applications/create-application";
import { exportPublicKey, generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { signDeviceKeyProof } from "@/lib/device-keys/proof";
import { CHALLENGE_TTL_MS } from "@/lib/device-keys/challenges";
import { verifyUserDeviceKey } from "@/lib/api/device-keys/is-known-device";
import { deviceKeyCollectionSchema, deviceKeyResourceSchema, deviceKeyVerdictSchema, registeredDeviceKeySchema } from "@/lib/api/openapi/paths/device-keys";
import { GET as listKeys, POST as registerKey, PATCH as patchList } from "@/app/api/v1/users/[id]/device-keys/route";
import { DELETE as forgetKey, GET as getKey, PATCH as renameKey } from "@/app/api/v1/users/[id]/device-keys/[keyId]/route";
import { POST as blockKey } from "@/app/api/v1/users/[id]/device-keys/[keyId]/block/route";
import { POST as unblockKey } from "@/app/api/v1/users/[id]/device-keys/[keyId]/unblock/route";
import { POST as challenge } from "@/app/api/v1/device-keys/challenges/route";
import { GET as verifyGet, POST as verify } from "@/app/api/v1/device-keys/verify/route";
import { GET as deviceKeyScript } from "@/app/device-key.js/route";

/**
 * The device-keys routes of the flow API in process (app/api/v1/users/[id]/device-keys/**,
 * app/api/v1/device-keys/*): the application's key, ownership by application and user, problem
 * documents for bad input, and the attacks issue 12 lists, each refused.
 */
const BASE = "https://accounts.example.com/api/v1";
const route = <P>(params: P) => ({ params: Promise.resolve(params) });

function call(app: CreatedApplication, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${app.secret}`, "x-forwarded-for": "198.51.100.40", "user-agent": "shop-backend/1.0" };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

async function json(response: Response, status: number) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function problem(response: Response, status: number, code: string) {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const body = await json(response, status);
  assert.equal(body.code, code, JSON.stringify(body));
  return body as { detail: string; errors?: { field: string }[] };
}

async function application(name = "Shop") {
  return createApplication({ db, name });
}

async function userOf(...apps: CreatedApplication[]) {
  return db.user.create({ data: { email: `api-dk-${randomUUID()}@test.local`, applications: { create: apps.map((a) => ({ applicationId: a.id })) } } });
}

async function browser() {
  const pair = await generateDeviceKeyPair();
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

/** Registers a fresh browser key for the user over the route; the key and its keyId. */
async function register(app: CreatedApplication, userId: string, extra: Record<string, unknown> = {}) {
  const key = await browser();
  const body = await json(await registerKey(call(app, "POST", `/users/${userId}/device-keys`, { publicKey: key.publicKey, ...extra }), route({ id: userId })), 201);
  return { ...key, keyId: String(body.keyId), body };
}

async function nonceFor(app: CreatedApplication, userId: string) {
  const body = await json(await challenge(call(app, "POST", "/device-keys/challenges", { userId }), route({})), 201);
  return String(body.nonce);
}

async function proved(app: CreatedApplication, userId: string, key: { keyId: string; privateKey: CryptoKey }) {
  const nonce = await nonceFor(app, userId);
  return { userId, keyId: key.keyId, nonce, signature: await signDeviceKeyProof(key.privateKey, { keyId: key.keyId, nonce }) };
}

const verdict = async (app: CreatedApplication, body: unknown) => deviceKeyVerdictSchema.parse(await json(await verify(call(app, "POST", "/device-keys/verify", body), route({})), 200));

test("register, list, read, rename, block, unblock, forget: the representation the document describes, audited naming the application", async () => {
  const shop = await application();
  const amy = await userOf(shop);
  const keyPath = (keyId: string) => `/users/${amy.id}/device-keys/${keyId}`;
  const params = (keyId: string) => route({ id: amy.id, keyId });

  const response = await registerKey(call(shop, "POST", `/users/${amy.id}/device-keys`, { publicKey: (await browser()).publicKey, displayName: " Amy's laptop ", remember: true, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0" }), route({ id: amy.id }));
  assert.equal(response.headers.get("content-type"), "application/hal+json");
  const created = registeredDeviceKeySchema.parse(await json(response.clone(), 201));
  assert.equal(response.headers.get("location"), `${config().appUrl}/api/v1${keyPath(created.keyId)}`);
  assert.deepEqual([created.displayName, created.status, created.registeredBy, created.removedOthers, created.lastSeenIp], ["Amy's laptop", "ACTIVE", "application", 0, null]);
  // The browser's user agent is kept; the address is the server's, so the browser's stays unknown.
  assert.equal((await db.deviceKey.findUniqueOrThrow({ where: { keyId: created.keyId } })).userAgent, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
  assert.ok(created.rememberedUntil && new Date(created.rememberedUntil) > new Date());
  assert.doesNotMatch(JSON.stringify(created), /publicKey/);

  const second = await register(shop, amy.id);
  assert.equal(second.body.displayName, "Browser", "no name, no browser's user agent: a plain name, never one made from the server's");
  const named = await register(shop, amy.id, { userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" });
  assert.equal(named.body.displayName, "Chrome on macOS");
  await forgetKey(call(shop, "DELETE", "/x"), route({ id: amy.id, keyId: named.keyId }));
  const list = deviceKeyCollectionSchema.parse(await json(await listKeys(call(shop, "GET", `/users/${amy.id}/device-keys`), route({ id: amy.id })), 200));
  assert.equal(list.count, 2);
  assert.deepEqual(new Set(list._embedded.deviceKeys.map((k) => k.keyId)), new Set([created.keyId, second.keyId]));

  const read = deviceKeyResourceSchema.parse(await json(await getKey(call(shop, "GET", keyPath(created.keyId)), params(created.keyId)), 200));
  assert.deepEqual(Object.keys(read._links).sort(), ["block", "self", "user"]);
  const renamed = await json(await renameKey(call(shop, "PATCH", keyPath(created.keyId), { displayName: "Work laptop" }), params(created.keyId)), 200);
  assert.equal(renamed.displayName, "Work laptop");
  // The same name again changes nothing (no second audit row or email).
  await json(await renameKey(call(shop, "PATCH", keyPath(created.keyId), { displayName: "Work laptop" }), params(created.keyId)), 200);

  const blocked = deviceKeyResourceSchema.parse(await json(await blockKey(call(shop, "POST", `${keyPath(created.keyId)}/block`), params(created.keyId)), 200));
  assert.deepEqual([blocked.status, Object.keys(blocked._links).sort()], ["BLOCKED", ["self", "unblock", "user"]]);
  await json(await blockKey(call(shop, "POST", `${keyPath(created.keyId)}/block`), params(created.keyId)), 200);
  assert.equal((await json(await unblockKey(call(shop, "POST", `${keyPath(created.keyId)}/unblock`), params(created.keyId)), 200)).status, "ACTIVE");

  const forgotten = await forgetKey(call(shop, "DELETE", keyPath(second.keyId)), params(second.keyId));
  assert.equal(forgotten.status, 204);
  await problem(await getKey(call(shop, "GET", keyPath(second.keyId)), params(second.keyId)), 404, "NOT_FOUND");
  await problem(await forgetKey(call(shop, "DELETE", keyPath(second.keyId)), params(second.keyId)), 404, "NOT_FOUND");

  const audit = await db.auditEvent.findMany({ where: { userId: amy.id } });
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    "device_key.blocked",
    "device_key.forgotten",
    "device_key.forgotten",
    "device_key.registered",
    "device_key.registered",
    "device_key.registered",
    "device_key.renamed",
    "device_key.unblocked",
  ]);
  for (const row of audit) assert.deepEqual([row.applicationId, row.actorId, row.userAgent], [shop.id, null, "shop-backend/1.0"]);
  assert.equal(await db.outboxMessage.count({ where: { to: amy.email } }), 8);
});

test("is known device: challenge, the browser's proof, verify known; forgotten is UNKNOWN_KEY; blocked is BLOCKED", async () => {
  const shop = await application();
  const amy = await userOf(shop);
  const key = await register(shop, amy.id, { remember: true });

  const issued = await challenge(call(shop, "POST", "/device-keys/challenges", { userId: amy.id }), route({}));
  const body = await json(issued, 201);
  assert.match(String(body.nonce), /^[A-Za-z0-9_-]{43}$/);
  const expiresIn = new Date(String(body.expiresAt)).getTime() - Date.now();
  assert.ok(expiresIn > 0 && expiresIn <= CHALLENGE_TTL_MS, String(expiresIn));

  const known = await verdict(shop, await proved(shop, amy.id, key));
  assert.deepEqual({ ...known, rememberedUntil: undefined }, { known: true, keyId: key.keyId, displayName: "Browser", remembered: true, rememberedUntil: undefined });
  const verifiedAudit = await db.auditEvent.findFirstOrThrow({ where: { userId: amy.id, action: "device_key.verified" } });
  assert.equal(verifiedAudit.applicationId, shop.id);

  await blockKey(call(shop, "POST", "/x"), route({ id: amy.id, keyId: key.keyId }));
  assert.deepEqual(await verdict(shop, await proved(shop, amy.id, key)), { known: false, reason: "BLOCKED", detail: "This browser is blocked for the account." });
  await unblockKey(call(shop, "POST", "/x"), route({ id: amy.id, keyId: key.keyId }));
  assert.equal((await verdict(shop, await proved(shop, amy.id, key))).known, true);
  await forgetKey(call(shop, "DELETE", "/x"), route({ id: amy.id, keyId: key.keyId }));
  assert.equal((await verdict(shop, await proved(shop, amy.id, key))).known === false && "UNKNOWN_KEY", "UNKNOWN_KEY");
});

test("attacks that must fail: another nonce, a replay, another user's key, another key's signature, an expired nonce, another application's nonce", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const amy = await userOf(shop, blog);
  const bob = await userOf(shop);
  const key = await register(shop, amy.id);
  const other = await register(shop, amy.id);
  const bobs = await register(shop, bob.id);
  const reason = async (app: CreatedApplication, body: unknown) => {
    const answer = await verdict(app, body);
    return answer.known ? "KNOWN" : answer.reason;
  };

  // A signature over another nonce.
  const first = await proved(shop, amy.id, key);
  const second = await nonceFor(shop, amy.id);
  assert.equal(await reason(shop, { ...first, nonce: second }), "SIGNATURE_INVALID");
  // A replayed nonce: once known, then spent.
  assert.equal(await reason(shop, first), "KNOWN");
  assert.equal(await reason(shop, first), "CHALLENGE_INVALID");
  // Another user's key_id, with that key's own good signature, for Amy.
  const nonce = await nonceFor(shop, amy.id);
  assert.equal(await reason(shop, { userId: amy.id, keyId: bobs.keyId, nonce, signature: await signDeviceKeyProof(bobs.privateKey, { keyId: bobs.keyId, nonce }) }), "UNKNOWN_KEY");
  // A signature by another key under this keyId.
  const third = await nonceFor(shop, amy.id);
  assert.equal(await reason(shop, { userId: amy.id, keyId: key.keyId, nonce: third, signature: await signDeviceKeyProof(other.privateKey, { keyId: key.keyId, nonce: third }) }), "SIGNATURE_INVALID");
  // A nonce issued to Shop cannot be answered through Blog (Amy is a user of both); Blog's attempt does not spend it.
  const shops = await proved(shop, amy.id, key);
  assert.equal(await reason(blog, shops), "CHALLENGE_INVALID");
  assert.equal(await reason(shop, shops), "KNOWN");
  // An expired nonce (the clock passed in to the use-case the route calls).
  const stale = await proved(shop, amy.id, key);
  const late = await verifyUserDeviceKey({ application: { id: shop.id, clientId: shop.clientId, name: shop.name, rateLimitPerMinute: null }, input: stale, meta: {}, now: new Date(Date.now() + CHALLENGE_TTL_MS + 1000) });
  assert.deepEqual(late, { known: false, reason: "CHALLENGE_INVALID" });
  // Bob is not Blog's user: challenge and verify are 404, not a verdict.
  await problem(await challenge(call(blog, "POST", "/device-keys/challenges", { userId: bob.id }), route({})), 404, "NOT_FOUND");
  await problem(await verify(call(blog, "POST", "/device-keys/verify", await proved(shop, bob.id, bobs)), route({})), 404, "NOT_FOUND");
  assert.equal(await db.deviceKeyChallenge.count({ where: { userId: bob.id, applicationId: blog.id } }), 0);
});

test("an application cannot register, read or change keys of a user it did not create: 404, and nothing is stored or audited", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const amy = await userOf(shop);
  const key = await register(shop, amy.id);
  const before = await db.auditEvent.count({ where: { userId: amy.id } });
  const params = route({ id: amy.id, keyId: key.keyId });

  await problem(await registerKey(call(blog, "POST", "/x", { publicKey: (await browser()).publicKey }), route({ id: amy.id })), 404, "NOT_FOUND");
  await problem(await registerKey(call(blog, "POST", "/x", { publicKey: (await browser()).publicKey }), route({ id: `nobody-${randomUUID()}` })), 404, "NOT_FOUND");
  await problem(await listKeys(call(blog, "GET", "/x"), route({ id: amy.id })), 404, "NOT_FOUND");
  await problem(await getKey(call(blog, "GET", "/x"), params), 404, "NOT_FOUND");
  await problem(await renameKey(call(blog, "PATCH", "/x", { displayName: "Mine" }), params), 404, "NOT_FOUND");
  await problem(await blockKey(call(blog, "POST", "/x"), params), 404, "NOT_FOUND");
  await problem(await unblockKey(call(blog, "POST", "/x"), params), 404, "NOT_FOUND");
  await problem(await forgetKey(call(blog, "DELETE", "/x"), params), 404, "NOT_FOUND");
  // Shop's own user, another user's keyId.
  const bob = await userOf(shop);
  await problem(await getKey(call(shop, "GET", "/x"), route({ id: bob.id, keyId: key.keyId })), 404, "NOT_FOUND");
  await problem(await forgetKey(call(shop, "DELETE", "/x"), route({ id: bob.id, keyId: key.keyId })), 404, "NOT_FOUND");

  assert.equal(await db.deviceKey.count({ where: { userId: amy.id } }), 1);
  assert.equal((await db.deviceKey.findUniqueOrThrow({ where: { keyId: key.keyId } })).status, "ACTIVE");
  assert.equal(await db.auditEvent.count({ where: { userId: amy.id } }), before);
  assert.equal(await db.auditEvent.count({ where: { applicationId: blog.id, action: { startsWith: "device_key" } } }), 0);
});

test("no request shape is a 500: bad bodies are 400 naming the field, bad ids 404, other methods 405, no key 401", async () => {
  const shop = await application();
  const amy = await userOf(shop);
  const key = await register(shop, amy.id);
  const users = route({ id: amy.id });

  for (const body of [{}, { publicKey: 42 }, { publicKey: "" }, { publicKey: "x".repeat(600) }, { publicKey: key.publicKey, remember: "yes" }, { publicKey: key.publicKey, displayName: "" }, { publicKey: key.publicKey, extra: 1 }]) {
    await problem(await registerKey(call(shop, "POST", "/x", body), users), 400, "VALIDATION_FAILED");
  }
  const notAKey = await problem(await registerKey(call(shop, "POST", "/x", { publicKey: "bm90IGEga2V5" }), users), 400, "VALIDATION_FAILED");
  assert.deepEqual(notAKey.errors?.map((e) => e.field), ["publicKey"]);
  for (const raw of ["", "not json", "[]", "null"]) await problem(await registerKey(call(shop, "POST", "/x", raw), users), 400, "MALFORMED_BODY");

  const keyParams = route({ id: amy.id, keyId: key.keyId });
  for (const body of [{}, { displayName: "   " }, { displayName: "x".repeat(61) }, { displayName: "a\nb" }, { displayName: 1 }, { nickname: "x" }]) {
    await problem(await renameKey(call(shop, "PATCH", "/x", body), keyParams), 400, "VALIDATION_FAILED");
  }
  for (const body of [{}, { userId: 42 }, { userId: "has spaces" }, { userId: amy.id, extra: true }]) {
    await problem(await challenge(call(shop, "POST", "/x", body), route({})), 400, "VALIDATION_FAILED");
  }
  const good = await proved(shop, amy.id, key);
  for (const body of [{}, { ...good, signature: 7 }, { ...good, keyId: null }, { ...good, nonce: "n".repeat(129) }, { ...good, signature: "s".repeat(257) }, { ...good, userId: "" }, { ...good, extra: 1 }]) {
    await problem(await verify(call(shop, "POST", "/x", body), route({})), 400, "VALIDATION_FAILED");
  }
  // A malformed body does not spend the nonce.
  assert.equal((await verdict(shop, good)).known, true);
  // Strings of a wrong shape are a proof that fails, not a 400.
  assert.deepEqual(await verdict(shop, { userId: amy.id, keyId: "!", nonce: "?", signature: "." }), { known: false, reason: "CHALLENGE_INVALID", detail: "This check has expired or was already used. Start again." });

  await problem(await getKey(call(shop, "GET", "/x"), route({ id: amy.id, keyId: "short" })), 404, "NOT_FOUND");
  await problem(await getKey(call(shop, "GET", "/x"), route({ id: "../etc", keyId: key.keyId })), 404, "NOT_FOUND");
  await problem(await listKeys(call(shop, "GET", "/x"), route({ id: "a b" })), 404, "NOT_FOUND");
  const wrongType = new Request(`${BASE}/x`, { method: "POST", headers: { Authorization: `Bearer ${shop.secret}`, "content-type": "text/plain" }, body: "{}" });
  await problem(await challenge(wrongType, route({})), 415, "UNSUPPORTED_MEDIA_TYPE");
  const noKey = await verify(new Request(`${BASE}/x`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), route({}));
  assert.equal(noKey.status, 401);
  const notAllowed = await patchList();
  assert.deepEqual([notAllowed.status, notAllowed.headers.get("allow")], [405, "GET, POST"]);
  assert.equal((await verifyGet()).headers.get("allow"), "POST");
});

test("DEVICE_KEYS_PER_USER over the API is 409 CONFLICT; SINGLE_DEVICE_KEY answers how many keys the new one replaced", async () => {
  const shop = await application();
  const amy = await userOf(shop);
  await withPolicy({ deviceKeysPerUser: 1, singleDeviceKey: false }, async () => {
    await register(shop, amy.id);
    await problem(await registerKey(call(shop, "POST", "/x", { publicKey: (await browser()).publicKey }), route({ id: amy.id })), 409, "CONFLICT");
  });
  await withPolicy({ deviceKeysPerUser: 1, singleDeviceKey: true }, async () => {
    const replacing = await register(shop, amy.id);
    assert.equal(replacing.body.removedOthers, 1);
    assert.equal(await db.deviceKey.count({ where: { userId: amy.id } }), 1);
  });
});

test("GET /device-key.js is JavaScript any page may load, cached for an hour", async () => {
  const response = deviceKeyScript();
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.equal(response.headers.get("cache-control"), "public, max-age=3600");
  assert.equal(response.headers.get("cross-origin-resource-policy"), "cross-origin");
  assert.match(await response.text(), /var MfaDeviceKey = /);
});
