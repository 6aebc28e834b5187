import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { withPolicy } from "@/lib/policy/test-fixtures";
import { AppError } from "@/lib/errors/app-error";
import { createApplication } from "@/lib/applications/create-application";
import { exportPublicKey, generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { registerDeviceKey } from "@/lib/device-keys/register-device-key";
import { CHALLENGE_TTL_MS, issueDeviceKeyChallenge, verifyDeviceKey, type ChallengeOwner } from "@/lib/device-keys/challenges";
import { blockDeviceKey, forgetOtherDeviceKeys, forgetRememberedBrowsers, getDeviceKey, listDeviceKeys, renameDeviceKey } from "@/lib/device-keys/manage-device-keys";
import { signDeviceKeyProof } from "@/lib/device-keys/proof";

/**
 * The device-keys domain (lib/device-keys) on the real database: registration and its policies, the
 * changes a person makes, and "is this a known device" with the proofs that must not hold.
 */
const meta = { ip: "192.0.2.30", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" };
const session = (): ChallengeOwner => ({ sessionFamilyId: `family-${randomUUID()}` });

async function user() {
  return db.user.create({ data: { email: `dk-${randomUUID()}@test.local` } });
}

async function browser() {
  const pair = await generateDeviceKeyPair();
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

async function registered(userId: string, options: { remember?: boolean; now?: Date } = {}) {
  const key = await browser();
  const { keyId, rememberedUntil } = await registerDeviceKey({ userId, publicKey: key.publicKey, remember: options.remember ?? false, meta, now: options.now });
  return { ...key, keyId, rememberedUntil };
}


async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail("expected an AppError");
}

async function proof(owner: ChallengeOwner, userId: string, key: { keyId: string; privateKey: CryptoKey }, now?: Date) {
  const { nonce } = await issueDeviceKeyChallenge({ userId, owner, now });
  return { nonce, signature: await signDeviceKeyProof(key.privateKey, { keyId: key.keyId, nonce }) };
}

test("registration keeps the public key in its one spelling under a random keyId, names the browser from its user agent, remembers it for the window, audits and tells the user", async () => {
  const amy = await user();
  const now = new Date("2026-03-01T10:00:00Z");
  const key = await registered(amy.id, { remember: true, now });
  assert.match(key.keyId, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(key.rememberedUntil?.getTime(), now.getTime() + (await devicePolicyFor()).rememberBrowserDays * 86_400_000);
  const row = await db.deviceKey.findUniqueOrThrow({ where: { keyId: key.keyId } });
  assert.deepEqual([row.publicKey, row.displayName, row.applicationId, row.lastSeenIp], [key.publicKey, "Chrome on macOS", null, "192.0.2.30"]);
  assert.deepEqual((await db.auditEvent.findMany({ where: { userId: amy.id } })).map((a) => a.action), ["device_key.registered"]);
  assert.equal(await db.outboxMessage.count({ where: { to: amy.email } }), 1);

  const error = await appErrorOf(registerDeviceKey({ userId: amy.id, publicKey: "not-a-key", remember: false, meta }));
  assert.equal(error.code, "VALIDATION");
  assert.deepEqual(Object.keys(error.fieldErrors ?? {}), ["publicKey"]);
  assert.equal(await db.deviceKey.count({ where: { userId: amy.id } }), 1);
});

test("DEVICE_KEYS_PER_USER: one more is CONFLICT and nothing is stored", async () => {
  const amy = await user();
  await withPolicy({ deviceKeysPerUser: 2, singleDeviceKey: false }, async () => {
    await registered(amy.id);
    await registered(amy.id);
    const error = await appErrorOf(registered(amy.id));
    assert.equal(error.code, "CONFLICT");
    assert.match(error.message, /at most 2 browsers/);
  });
  assert.equal(await db.deviceKey.count({ where: { userId: amy.id } }), 2);
});

test("SINGLE_DEVICE_KEY: a new key removes the user's others (and no one else's), says how many, and tells the user", async () => {
  const amy = await user();
  const bob = await user();
  const bobs = await registered(bob.id);
  await registered(amy.id);
  await registered(amy.id);
  const fresh = await withPolicy({ singleDeviceKey: true, deviceKeysPerUser: 1 }, async () => {
    const key = await browser();
    return registerDeviceKey({ userId: amy.id, publicKey: key.publicKey, remember: false, meta });
  });
  assert.equal(fresh.removedOthers, 2);
  assert.deepEqual((await listDeviceKeys(amy.id)).map((k) => k.keyId), [fresh.keyId]);
  assert.equal((await listDeviceKeys(bob.id))[0]?.keyId, bobs.keyId);
  const mail = await db.outboxMessage.findMany({ where: { to: amy.email }, orderBy: { createdAt: "desc" }, take: 1 });
  assert.match(mail[0]!.body, /2 browsers registered before it were removed/);
});

test("rename takes 1 to 60 characters, trimmed; another user's keyId is not found", async () => {
  const amy = await user();
  const bob = await user();
  const key = await registered(amy.id);
  for (const displayName of ["", "   ", "x".repeat(61), 42, null]) {
    assert.equal((await appErrorOf(renameDeviceKey({ userId: amy.id, keyId: key.keyId, displayName, meta }))).code, "VALIDATION", JSON.stringify(displayName));
  }
  assert.equal((await appErrorOf(renameDeviceKey({ userId: bob.id, keyId: key.keyId, displayName: "Mine now", meta }))).code, "NOT_FOUND");
  await renameDeviceKey({ userId: amy.id, keyId: key.keyId, displayName: "  Work laptop ", meta });
  assert.equal((await getDeviceKey({ userId: amy.id, keyId: key.keyId })).displayName, "Work laptop");
});

test("forgetOtherDeviceKeys keeps the named key, only the user's; without one it forgets them all", async () => {
  const amy = await user();
  const bob = await user();
  const [kept, other1, other2] = [await registered(amy.id), await registered(amy.id), await registered(amy.id)];
  const bobs = await registered(bob.id);
  assert.equal(await forgetOtherDeviceKeys({ userId: amy.id, keepKeyId: kept.keyId, meta }), 2);
  assert.deepEqual((await listDeviceKeys(amy.id)).map((k) => k.keyId), [kept.keyId]);
  assert.equal(await db.deviceKey.count({ where: { keyId: { in: [other1.keyId, other2.keyId] } } }), 0);
  assert.equal(await forgetOtherDeviceKeys({ userId: amy.id, keepKeyId: bobs.keyId, meta }), 1, "another user's key kept nothing of Amy's");
  assert.equal(await db.deviceKey.count({ where: { keyId: bobs.keyId } }), 1);
  assert.equal(await forgetOtherDeviceKeys({ userId: amy.id, keepKeyId: null, meta }), 0);
});

test("forgetRememberedBrowsers: every remembered key of the user asks for the second factor again, the keys stay known", async () => {
  const amy = await user();
  const bob = await user();
  const a1 = await registered(amy.id, { remember: true });
  await registered(amy.id, { remember: true });
  const bobs = await registered(bob.id, { remember: true });
  const count = await db.$transaction((tx) => forgetRememberedBrowsers(tx, { userId: amy.id, reason: "password_changed", meta }));
  assert.equal(count, 2);
  assert.deepEqual((await listDeviceKeys(amy.id)).map((k) => k.rememberedUntil), [null, null]);
  assert.notEqual((await getDeviceKey({ userId: bob.id, keyId: bobs.keyId })).rememberedUntil, null);
  const owner = session();
  const verdict = await verifyDeviceKey({ userId: amy.id, keyId: a1.keyId, ...(await proof(owner, amy.id, a1)), owner, meta });
  assert.deepEqual(verdict, { known: true, keyId: a1.keyId, displayName: "Chrome on macOS", remembered: false, rememberedUntil: null });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: amy.id, action: "device_key.remembered_forgotten" } });
  assert.deepEqual(JSON.parse(audit.details!), { count: 2, reason: "password_changed" });
});

test("a known browser: its signature over the nonce holds once; it is remembered within the window; last seen is recorded and audited", async () => {
  const amy = await user();
  const key = await registered(amy.id, { remember: true });
  const owner = session();
  const later = new Date(Date.now() + 60_000);
  const verdict = await verifyDeviceKey({ userId: amy.id, keyId: key.keyId, ...(await proof(owner, amy.id, key)), owner, meta: { ...meta, ip: "198.51.100.9" }, now: later });
  assert.equal(verdict.known, true);
  assert.equal(verdict.known && verdict.remembered, true);
  const row = await db.deviceKey.findUniqueOrThrow({ where: { keyId: key.keyId } });
  assert.deepEqual([row.lastSeenAt.getTime(), row.lastSeenIp], [later.getTime(), "198.51.100.9"]);
  assert.ok(await db.auditEvent.findFirst({ where: { userId: amy.id, action: "device_key.verified" } }));
});

test("attacks on is-known-device fail, each with its audited reason", async () => {
  const amy = await user();
  const bob = await user();
  const key = await registered(amy.id);
  const other = await registered(amy.id);
  const bobs = await registered(bob.id);
  const owner = session();
  const verify = (fields: { userId?: string; keyId: string; nonce: string; signature: string }, options: { owner?: ChallengeOwner; now?: Date } = {}) =>
    verifyDeviceKey({ userId: fields.userId ?? amy.id, keyId: fields.keyId, nonce: fields.nonce, signature: fields.signature, owner: options.owner ?? owner, meta, now: options.now });

  // A signature over another nonce.
  const first = await proof(owner, amy.id, key);
  const { nonce: second } = await issueDeviceKeyChallenge({ userId: amy.id, owner });
  assert.deepEqual(await verify({ keyId: key.keyId, nonce: second, signature: first.signature }), { known: false, reason: "SIGNATURE_INVALID" });
  // A replayed nonce, even with its right signature (the first answer spent it).
  assert.deepEqual(await verify({ keyId: key.keyId, ...first }), { known: true, keyId: key.keyId, displayName: "Chrome on macOS", remembered: false, rememberedUntil: null });
  assert.deepEqual(await verify({ keyId: key.keyId, ...first }), { known: false, reason: "CHALLENGE_INVALID" });
  // Another user's key_id, signed by that user's own key, over a nonce issued for Amy.
  const forBob = await issueDeviceKeyChallenge({ userId: amy.id, owner });
  assert.deepEqual(
    await verify({ keyId: bobs.keyId, nonce: forBob.nonce, signature: await signDeviceKeyProof(bobs.privateKey, { keyId: bobs.keyId, nonce: forBob.nonce }) }),
    { known: false, reason: "UNKNOWN_KEY" },
  );
  // A nonce issued for Bob answered for Amy.
  const bobsNonce = await proof(owner, bob.id, key);
  assert.deepEqual(await verify({ keyId: key.keyId, ...bobsNonce }), { known: false, reason: "CHALLENGE_INVALID" });
  // A signature by another key (Amy's other browser) under this keyId.
  const { nonce: third } = await issueDeviceKeyChallenge({ userId: amy.id, owner });
  assert.deepEqual(
    await verify({ keyId: key.keyId, nonce: third, signature: await signDeviceKeyProof(other.privateKey, { keyId: key.keyId, nonce: third }) }),
    { known: false, reason: "SIGNATURE_INVALID" },
  );
  // A nonce issued to another session or to an application.
  assert.deepEqual(await verify({ keyId: key.keyId, ...(await proof(session(), amy.id, key)) }), { known: false, reason: "CHALLENGE_INVALID" });
  const app = await createApplication({ db, name: "Shop" });
  assert.deepEqual(await verify({ keyId: key.keyId, ...(await proof({ applicationId: app.id }, amy.id, key)) }), { known: false, reason: "CHALLENGE_INVALID" });
  // An expired nonce: answered after its 2 minutes (the clock passed in).
  const issuedAt = new Date();
  const stale = await proof(owner, amy.id, key, issuedAt);
  assert.deepEqual(await verify({ keyId: key.keyId, ...stale }, { now: new Date(issuedAt.getTime() + CHALLENGE_TTL_MS + 1) }), { known: false, reason: "CHALLENGE_INVALID" });
  // A key of a blocked browser.
  await blockDeviceKey({ userId: amy.id, keyId: key.keyId, meta });
  assert.deepEqual(await verify({ keyId: key.keyId, ...(await proof(owner, amy.id, key)) }), { known: false, reason: "BLOCKED" });
  // Garbage of every type is a refusal, never a throw.
  for (const [keyId, nonce, signature] of [[42, {}, null], ["", "", ""], ["x".repeat(500), "y".repeat(500), "z"]] as const) {
    const verdict = await verifyDeviceKey({ userId: amy.id, keyId, nonce, signature, owner, meta });
    assert.equal(verdict.known, false);
  }

  // Each refusal audited with its reason: 5 bad nonces and 3 garbage bodies, 2 bad signatures, 1 unknown key, 1 blocked.
  const refusals = await db.auditEvent.findMany({ where: { userId: amy.id, action: "device_key.refused" } });
  assert.deepEqual(
    refusals.map((a) => (JSON.parse(a.details!) as { reason: string }).reason).sort(),
    [...Array(8).fill("CHALLENGE_INVALID"), "BLOCKED", "SIGNATURE_INVALID", "SIGNATURE_INVALID", "UNKNOWN_KEY"].sort(),
  );
});
