import { expect, test, type APIRequestContext } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem, seedApplicationUser } from "./fixtures/applications";
import { exportPublicKey, generateDeviceKeyPair } from "../lib/authenticator-protocol/keys";
import { signDeviceKeyProof } from "../lib/device-keys/proof";

/**
 * The flow API's device keys over HTTP (issue 12, "The API"): a customer's server registers a browser's
 * key for one of its users, asks for a nonce, has the browser sign it, and asks whether the browser is
 * known; list, rename, block, unblock and forget change what verify answers. The last test makes the
 * key in a real browser with /device-key.js, the server calls made from the test as a customer's
 * server would make them.
 */

type Verdict = { known: true; keyId: string; displayName: string; remembered: boolean; rememberedUntil: string | null } | { known: false; reason: string; detail: string };

async function setUp(request: APIRequestContext, baseURL: string) {
  const app = await createTestApplication();
  const user = await seedApplicationUser(app);
  const json = { ...bearer(app.secret), "Content-Type": "application/json" };
  const api = `${baseURL}/api/v1`;
  const keysUrl = `${api}/users/${user.id}/device-keys`;
  return {
    app,
    user,
    json,
    keysUrl,
    register: async (publicKey: string, extra: Record<string, unknown> = {}) => request.post(keysUrl, { headers: json, data: { publicKey, ...extra } }),
    nonce: async (userId = user.id, headers = json) => {
      const response = await request.post(`${api}/device-keys/challenges`, { headers, data: { userId } });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { nonce: string }).nonce;
    },
    verify: async (body: Record<string, unknown>, headers = json) => request.post(`${api}/device-keys/verify`, { headers, data: { userId: user.id, ...body } }),
  };
}

async function nodeBrowserKey() {
  const pair = await generateDeviceKeyPair();
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

async function verdictOf(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<Verdict> {
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Verdict;
}

test("register a WebCrypto key, prove it, verify known; list, rename, block (BLOCKED), unblock, forget (UNKNOWN_KEY); a replay is CHALLENGE_INVALID", async ({ request, baseURL }) => {
  const s = await setUp(request, baseURL!);
  const key = await nodeBrowserKey();
  const registered = await s.register(key.publicKey, { displayName: "Amy's laptop", remember: true });
  expect(registered.status(), await registered.text()).toBe(201);
  expect(registered.headers()["content-type"]).toBe("application/hal+json");
  const created = (await registered.json()) as { keyId: string; rememberedUntil: string; registeredBy: string; _links: { self: { href: string } } };
  expect(registered.headers()["location"]).toBe(`${s.keysUrl}/${created.keyId}`);
  expect(created).toMatchObject({ displayName: "Amy's laptop", status: "ACTIVE", registeredBy: "application", _links: { self: { href: `${s.keysUrl}/${created.keyId}` } } });
  expect(new Date(created.rememberedUntil).getTime()).toBeGreaterThan(Date.now());
  const keyUrl = created._links.self.href;

  const prove = async () => {
    const nonce = await s.nonce();
    return { keyId: created.keyId, nonce, signature: await signDeviceKeyProof(key.privateKey, { keyId: created.keyId, nonce }) };
  };
  const proof = await prove();
  expect(await verdictOf(await s.verify(proof))).toEqual({ known: true, keyId: created.keyId, displayName: "Amy's laptop", remembered: true, rememberedUntil: created.rememberedUntil });
  expect(await verdictOf(await s.verify(proof))).toMatchObject({ known: false, reason: "CHALLENGE_INVALID" });

  const list = await request.get(s.keysUrl, { headers: s.json });
  expect(list.status()).toBe(200);
  const listed = (await list.json()) as { count: number; _embedded: { deviceKeys: { keyId: string }[] } };
  expect(listed.count).toBe(1);
  expect(listed._embedded.deviceKeys.map((k) => k.keyId)).toEqual([created.keyId]);
  expect(JSON.stringify(listed)).not.toContain(key.publicKey);

  const renamed = await request.patch(keyUrl, { headers: s.json, data: { displayName: "Work laptop" } });
  expect(await renamed.json()).toMatchObject({ keyId: created.keyId, displayName: "Work laptop" });

  const blocked = await request.post(`${keyUrl}/block`, { headers: s.json });
  expect(await blocked.json()).toMatchObject({ status: "BLOCKED", _links: { unblock: { href: `${keyUrl}/unblock` } } });
  expect(await verdictOf(await s.verify(await prove()))).toMatchObject({ known: false, reason: "BLOCKED" });
  await request.post(`${keyUrl}/unblock`, { headers: s.json });
  expect(await verdictOf(await s.verify(await prove()))).toMatchObject({ known: true, displayName: "Work laptop" });

  expect((await request.delete(keyUrl, { headers: s.json })).status()).toBe(204);
  expect(await verdictOf(await s.verify(await prove()))).toMatchObject({ known: false, reason: "UNKNOWN_KEY" });
  await expectProblem(await request.get(keyUrl, { headers: s.json }), 404, "NOT_FOUND");

  const audit = await db.auditEvent.findMany({ where: { userId: s.user.id, action: { startsWith: "device_key" } } });
  expect(audit.every((a) => a.applicationId === s.app.id)).toBe(true);
  expect(audit.map((a) => a.action).sort()).toEqual(
    [
      "device_key.registered",
      "device_key.verified",
      "device_key.refused",
      "device_key.renamed",
      "device_key.blocked",
      "device_key.refused",
      "device_key.unblocked",
      "device_key.verified",
      "device_key.forgotten",
      "device_key.refused",
    ].sort(),
  );
});

test("another application: its user's keys and challenges are 404, and a nonce issued to one application is not answered through another", async ({ request, baseURL }) => {
  const s = await setUp(request, baseURL!);
  const other = await createTestApplication();
  const otherJson = { ...bearer(other.secret), "Content-Type": "application/json" };
  const key = await nodeBrowserKey();

  await expectProblem(await request.post(s.keysUrl, { headers: otherJson, data: { publicKey: key.publicKey } }), 404, "NOT_FOUND");
  expect(await db.deviceKey.count({ where: { userId: s.user.id } })).toBe(0);
  await expectProblem(await request.get(s.keysUrl, { headers: otherJson }), 404, "NOT_FOUND");
  await expectProblem(await request.post(`${baseURL}/api/v1/device-keys/challenges`, { headers: otherJson, data: { userId: s.user.id } }), 404, "NOT_FOUND");

  const { keyId } = (await (await s.register(key.publicKey)).json()) as { keyId: string };
  await expectProblem(await request.post(`${s.keysUrl}/${keyId}/block`, { headers: otherJson }), 404, "NOT_FOUND");
  await expectProblem(await request.delete(`${s.keysUrl}/${keyId}`, { headers: otherJson }), 404, "NOT_FOUND");

  // The same person provisioned by both: the other application cannot spend this one's nonce.
  await db.apiApplicationUser.create({ data: { applicationId: other.id, userId: s.user.id } });
  const nonce = await s.nonce();
  const proof = { keyId, nonce, signature: await signDeviceKeyProof(key.privateKey, { keyId, nonce }) };
  expect(await verdictOf(await s.verify(proof, otherJson))).toMatchObject({ known: false, reason: "CHALLENGE_INVALID" });
  expect(await verdictOf(await s.verify(proof))).toMatchObject({ known: true, keyId });

  // A malformed body is 400 and spends nothing; a wrong signature is an answer.
  await expectProblem(await s.verify({ keyId, nonce: 42 }), 400, "VALIDATION_FAILED");
  const fresh = await s.nonce();
  expect(await verdictOf(await s.verify({ keyId, nonce: fresh, signature: "AAAA" }))).toMatchObject({ known: false, reason: "SIGNATURE_INVALID" });
});

test("/device-key.js in a real page: the browser makes and keeps the key, the server registers, challenges and verifies it", async ({ page, request, baseURL }) => {
  const s = await setUp(request, baseURL!);
  const script = await request.get(`${baseURL}/device-key.js`);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(script.headers()["cache-control"]).toBe("public, max-age=3600");

  await page.goto(`${baseURL}/sign-in`);
  await page.addScriptTag({ url: `${baseURL}/device-key.js` });
  const userId = s.user.id;

  // The customer's page: make a key, hand the public half to its server.
  const { publicKey } = await page.evaluate((id) => (window as unknown as { MfaDeviceKey: { createKey(u: string): Promise<{ publicKey: string }> } }).MfaDeviceKey.createKey(id), userId);
  // The customer's server: register it, and tell the page the keyId to keep.
  const registered = await s.register(publicKey, { userAgent: await page.evaluate(() => navigator.userAgent) });
  expect(registered.status(), await registered.text()).toBe(201);
  const { keyId, displayName } = (await registered.json()) as { keyId: string; displayName: string };
  expect(displayName).toMatch(/ on /);
  await page.evaluate(([id, k]) => (window as unknown as { MfaDeviceKey: { confirm(u: string, k: string): Promise<void> } }).MfaDeviceKey.confirm(id!, k!), [userId, keyId]);

  // Another visit: the key survives a reload (IndexedDB), the server asks for a nonce, the page signs it.
  await page.reload();
  await page.addScriptTag({ url: `${baseURL}/device-key.js` });
  type Prove = { MfaDeviceKey: { prove(u: string, n: string): Promise<{ keyId: string; signature: string } | null>; forget(u: string): Promise<void> } };
  const nonce = await s.nonce();
  const proof = await page.evaluate(([id, n]) => (window as unknown as Prove).MfaDeviceKey.prove(id!, n!), [userId, nonce]);
  expect(proof?.keyId).toBe(keyId);
  expect(await verdictOf(await s.verify({ ...proof, nonce }))).toMatchObject({ known: true, keyId, remembered: false });

  // A second browser context has no key for the user: nothing to prove with.
  const stranger = await page.context().browser()!.newContext();
  const otherPage = await stranger.newPage();
  await otherPage.goto(`${baseURL}/sign-in`);
  await otherPage.addScriptTag({ url: `${baseURL}/device-key.js` });
  expect(await otherPage.evaluate(([id, n]) => (window as unknown as Prove).MfaDeviceKey.prove(id!, n!), [userId, await s.nonce()])).toBeNull();
  await stranger.close();

  // Forgotten in the browser: it no longer answers.
  await page.evaluate((id) => (window as unknown as Prove).MfaDeviceKey.forget(id), userId);
  expect(await page.evaluate(([id, n]) => (window as unknown as Prove).MfaDeviceKey.prove(id!, n!), [userId, await s.nonce()])).toBeNull();
});
