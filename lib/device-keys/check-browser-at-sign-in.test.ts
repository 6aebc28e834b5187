import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { exportPublicKey, generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { createSession } from "@/lib/auth/sessions";
import { withPolicy } from "@/lib/policy/test-fixtures";
import { db } from "@/lib/db";
import { browserCheckNonce, checkBrowserAtSignIn, rememberedAgain, UNKNOWN_BROWSER_MESSAGE } from "@/lib/device-keys/check-browser-at-sign-in";
import { signDeviceKeyProof } from "@/lib/device-keys/proof";
import { registerDeviceKey } from "@/lib/device-keys/register-device-key";

const meta = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" };

/** An account with MFA on (an active email device), a browser key registered to it, and a pending session. */
async function signingIn(options: { remember: boolean; mfa?: boolean }) {
  const user = await db.user.create({ data: { email: `keys-${randomUUID()}@test.local`, mfaEnabled: options.mfa ?? true } });
  if (options.mfa ?? true) await db.device.create({ data: { userId: user.id, type: "EMAIL", status: "ACTIVE", nickname: "Mail", target: `m-${randomUUID()}@test.local`, isDefault: true } });
  const pair = await generateDeviceKeyPair();
  const { keyId } = await registerDeviceKey({ userId: user.id, publicKey: await exportPublicKey(pair.publicKey), remember: options.remember, meta });
  const session = await createSession({ userId: user.id, methods: ["pwd"], meta, secondFactorPending: true });
  const prove = async (sessionUsed = session, key = pair.privateKey, id = keyId) => {
    const { nonce } = await browserCheckNonce(sessionUsed);
    return { keyId: id, nonce, signature: await signDeviceKeyProof(key, { keyId: id, nonce }) };
  };
  return { user, keyId, pair, session, prove };
}

const withKnownOnly = (run: () => Promise<void>) => withPolicy({ knownDevicesOnly: true }, run);

test("a remembered browser's proof replaces the pending session by a complete one, pwd then device_key; once", async () => {
  const { user, session, prove } = await signingIn({ remember: true });
  const outcome = await checkBrowserAtSignIn({ session, proof: await prove(), meta });
  assert.equal(outcome.status, "signed-in");
  assert.equal((await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt instanceof Date, true);
  const complete = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
  assert.equal(complete.authMethods, "pwd,device_key");
  assert.equal(complete.secondFactorPending, false);
  assert.equal(complete.familyId, session.familyId);
  // The revoked pending session cannot do it again, even with a fresh proof.
  const again = await checkBrowserAtSignIn({ session, proof: await prove(), meta });
  assert.notEqual(again.status, "signed-in");
});

test("a known browser that is not remembered (or no longer) goes on to the second factor, and the session remembers which key it proved", async () => {
  const { user, keyId, session, prove } = await signingIn({ remember: false });
  assert.deepEqual(await checkBrowserAtSignIn({ session, proof: await prove(), meta }), { status: "second-factor", forgetLocalKey: false });
  assert.equal((await db.session.findUniqueOrThrow({ where: { id: session.id } })).browserCheck, keyId);

  // "Remember this browser" after the second factor renews that key, not a new one.
  const renewed = await rememberedAgain({ userId: user.id, provedKeyId: keyId });
  assert.ok(renewed && renewed.rememberedUntil.getTime() > Date.now() + 29 * 86_400_000);
  assert.equal(await db.deviceKey.count({ where: { userId: user.id } }), 1);

  const lapsed = await signingIn({ remember: true });
  await db.deviceKey.updateMany({ where: { keyId: lapsed.keyId }, data: { rememberedUntil: new Date(Date.now() - 1000) } });
  assert.equal((await checkBrowserAtSignIn({ session: lapsed.session, proof: await lapsed.prove(), meta })).status, "second-factor");
});

test("what proves nothing goes to the second factor: no key, another nonce, another session's nonce, another user's key, a blocked key", async () => {
  const { session, prove, keyId, pair } = await signingIn({ remember: true });
  assert.deepEqual(await checkBrowserAtSignIn({ session, proof: null, meta }), { status: "second-factor", forgetLocalKey: false });

  const fresh = await signingIn({ remember: true });
  // A signature over another nonce than the one sent.
  const proof = await fresh.prove();
  const { nonce: otherNonce } = await browserCheckNonce(fresh.session);
  assert.equal((await checkBrowserAtSignIn({ session: fresh.session, proof: { ...proof, nonce: otherNonce }, meta })).status, "second-factor");
  // A nonce issued to another session of the same user cannot be answered in this one.
  const twin = await createSession({ userId: fresh.user.id, methods: ["pwd"], meta, secondFactorPending: true });
  assert.equal((await checkBrowserAtSignIn({ session: fresh.session, proof: await fresh.prove(twin), meta })).status, "second-factor");
  // Another user's key (signed correctly by that key): unknown here, and the browser should drop it.
  const stranger = await checkBrowserAtSignIn({ session: fresh.session, proof: await fresh.prove(fresh.session, pair.privateKey, keyId), meta });
  assert.deepEqual(stranger, { status: "second-factor", forgetLocalKey: true });
  assert.equal(await db.session.count({ where: { userId: fresh.user.id, secondFactorPending: false } }), 0);

  // Blocked.
  await db.deviceKey.updateMany({ where: { keyId }, data: { status: "BLOCKED" } });
  assert.equal((await checkBrowserAtSignIn({ session, proof: await prove(), meta })).status, "second-factor");
  const refusals = await db.auditEvent.findMany({ where: { action: "device_key.refused", userId: { in: [fresh.user.id, session.userId] } } });
  assert.deepEqual(refusals.map((r) => JSON.parse(r.details!).reason).sort(), ["BLOCKED", "CHALLENGE_INVALID", "SIGNATURE_INVALID", "UNKNOWN_KEY"]);
});

test("known devices only: no valid key ends the sign-in after the password, audited; a known key of an account without a second factor signs in", async () => {
  await withKnownOnly(async () => {
    const { user, session } = await signingIn({ remember: false });
    assert.deepEqual(await checkBrowserAtSignIn({ session, proof: null, meta }), { status: "refused", message: UNKNOWN_BROWSER_MESSAGE });
    assert.ok((await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt);
    assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "user.unknown_browser_refused" } }), 1);

    const known = await signingIn({ remember: false });
    assert.equal((await checkBrowserAtSignIn({ session: known.session, proof: await known.prove(), meta })).status, "second-factor");

    const plain = await signingIn({ remember: false, mfa: false });
    assert.equal((await checkBrowserAtSignIn({ session: plain.session, proof: await plain.prove(), meta })).status, "signed-in");
  });
});
