import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { signListRequest, signSubscribeRequest, signUnsubscribeRequest } from "@/lib/authenticator-protocol/sign";
import { blockDevice } from "@/lib/devices/block-device";
import { removeDevice } from "@/lib/devices/remove-device";
import { forgetSignedPushSubscription } from "@/lib/mobile/forget-signed-push-subscription";
import { isMobileAuthError } from "@/lib/mobile/mobile-error";
import { saveSignedPushSubscription } from "@/lib/mobile/save-signed-push-subscription";
import { createPairedPhone } from "@/lib/mobile/test-fixtures";
import { readPushSubscription } from "@/lib/push/read-push-subscription";

const refusedWith = (reason: string) => (e: unknown) => isMobileAuthError(e) && e.reason === reason;
const keys = { p256dh: `B${"x".repeat(86)}`, auth: "y".repeat(22) };
const subscription = () => ({ endpoint: `http://127.0.0.1:9/push/${randomUUID()}`, expirationTime: null, keys });
const stored = async (deviceId: string) =>
  readPushSubscription((await db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { pushSubscription: true } })).pushSubscription);

test("a subscription signed by the device's key is kept on the device", async () => {
  const { deviceId, phone } = await createPairedPhone();
  const wanted = subscription();
  const signed = await signSubscribeRequest(phone.keyPair.privateKey, { deviceId, endpoint: wanted.endpoint });
  assert.deepEqual(await saveSignedPushSubscription({ ...signed, subscription: wanted }), wanted);
  assert.deepEqual(await stored(deviceId), wanted);
});

test("another key's signature, a list request's signature, another endpoint, an old signature, or a bad subscription changes nothing", async () => {
  const { deviceId, phone } = await createPairedPhone();
  const wanted = subscription();
  const signedFor = (key: CryptoKey, fields: { signedAt?: number; endpoint?: string } = {}) =>
    signSubscribeRequest(key, { deviceId, endpoint: wanted.endpoint, ...fields });
  const stranger = await generateDeviceKeyPair();
  await assert.rejects(saveSignedPushSubscription({ ...(await signedFor(stranger.privateKey)), subscription: wanted }), refusedWith("SIGNATURE_INVALID"));
  // Same fields, another context line: a captured list request is no subscription request.
  const list = await signListRequest(phone.keyPair.privateKey, { deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...list, subscription: wanted }), refusedWith("SIGNATURE_INVALID"));
  // A captured request cannot send the phone's pushes to an endpoint of the attacker's.
  const captured = await signedFor(phone.keyPair.privateKey);
  await assert.rejects(saveSignedPushSubscription({ ...captured, subscription: subscription() }), refusedWith("SIGNATURE_INVALID"));
  const old = await signedFor(phone.keyPair.privateKey, { signedAt: Date.now() - 61_000 });
  await assert.rejects(saveSignedPushSubscription({ ...old, subscription: wanted }), refusedWith("SIGNATURE_EXPIRED"));
  const script = await signedFor(phone.keyPair.privateKey, { endpoint: "https://push.example/x" });
  await assert.rejects(saveSignedPushSubscription({ ...script, subscription: { endpoint: "javascript:alert(1)", keys } }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(saveSignedPushSubscription({ ...captured, subscription: null }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(saveSignedPushSubscription({ ...captured, signedAt: "soon" as never, subscription: wanted }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(saveSignedPushSubscription({ ...captured, signature: 42 as never, subscription: wanted }), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(saveSignedPushSubscription({ ...captured, deviceId: "unknown-device", subscription: wanted }), refusedWith("DEVICE_NOT_FOUND"));
  // A valid signature over a subscription whose keys are not a browser's: nothing stored.
  const badKeys = { ...wanted, keys: { p256dh: "short", auth: "y" } };
  await assert.rejects(saveSignedPushSubscription({ ...captured, subscription: badKeys }), refusedWith("INVALID_REQUEST"));
  assert.equal(await stored(deviceId), null);
});

test("the phone turns notifications off with a signed request; nobody else can", async () => {
  const { deviceId, phone } = await createPairedPhone();
  const wanted = subscription();
  await saveSignedPushSubscription({ ...(await signSubscribeRequest(phone.keyPair.privateKey, { deviceId, endpoint: wanted.endpoint })), subscription: wanted });
  const stranger = await generateDeviceKeyPair();
  await assert.rejects(forgetSignedPushSubscription(await signUnsubscribeRequest(stranger.privateKey, { deviceId })), refusedWith("SIGNATURE_INVALID"));
  const list = await signListRequest(phone.keyPair.privateKey, { deviceId });
  await assert.rejects(forgetSignedPushSubscription(list), refusedWith("SIGNATURE_INVALID"));
  const old = await signUnsubscribeRequest(phone.keyPair.privateKey, { deviceId, signedAt: Date.now() - 61_000 });
  await assert.rejects(forgetSignedPushSubscription(old), refusedWith("SIGNATURE_EXPIRED"));
  assert.deepEqual(await stored(deviceId), wanted);

  assert.deepEqual(await forgetSignedPushSubscription(await signUnsubscribeRequest(phone.keyPair.privateKey, { deviceId })), { deleted: true });
  assert.equal(await stored(deviceId), null);
  assert.deepEqual(await forgetSignedPushSubscription(await signUnsubscribeRequest(phone.keyPair.privateKey, { deviceId })), { deleted: false });
});

test("a blocked or removed phone cannot subscribe (security.md item 10)", async () => {
  const blocked = await createPairedPhone();
  await blockDevice({ userId: blocked.user.id, deviceId: blocked.deviceId, meta: {} });
  const wanted = subscription();
  const signed = await signSubscribeRequest(blocked.phone.keyPair.privateKey, { deviceId: blocked.deviceId, endpoint: wanted.endpoint });
  await assert.rejects(saveSignedPushSubscription({ ...signed, subscription: wanted }), refusedWith("DEVICE_BLOCKED"));
  assert.equal(await stored(blocked.deviceId), null);

  const removed = await createPairedPhone();
  await removeDevice({ userId: removed.user.id, deviceId: removed.deviceId, meta: {} });
  const again = await signSubscribeRequest(removed.phone.keyPair.privateKey, { deviceId: removed.deviceId, endpoint: wanted.endpoint });
  await assert.rejects(saveSignedPushSubscription({ ...again, subscription: wanted }), refusedWith("DEVICE_NOT_FOUND"));
});
