import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { signListRequest, signSubscribeRequest } from "@/lib/authenticator-protocol/sign";
import { blockDevice } from "@/lib/devices/block-device";
import { removeDevice } from "@/lib/devices/remove-device";
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
  const signed = await signSubscribeRequest(phone.keyPair.privateKey, { deviceId });
  assert.deepEqual(await saveSignedPushSubscription({ ...signed, subscription: wanted }), wanted);
  assert.deepEqual(await stored(deviceId), wanted);
});

test("another key's signature, a list request's signature, an old signature, or a bad subscription changes nothing", async () => {
  const { deviceId, phone } = await createPairedPhone();
  const stranger = await generateDeviceKeyPair();
  const byStranger = await signSubscribeRequest(stranger.privateKey, { deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...byStranger, subscription: subscription() }), refusedWith("SIGNATURE_INVALID"));
  // Same fields, another context line: a captured list request is no subscription request.
  const list = await signListRequest(phone.keyPair.privateKey, { deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...list, subscription: subscription() }), refusedWith("SIGNATURE_INVALID"));
  const old = await signSubscribeRequest(phone.keyPair.privateKey, { deviceId, signedAt: Date.now() - 61_000 });
  await assert.rejects(saveSignedPushSubscription({ ...old, subscription: subscription() }), refusedWith("SIGNATURE_EXPIRED"));
  const fresh = await signSubscribeRequest(phone.keyPair.privateKey, { deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...fresh, subscription: { endpoint: "javascript:alert(1)", keys } }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(saveSignedPushSubscription({ ...fresh, signedAt: "soon" as never, subscription: subscription() }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(saveSignedPushSubscription({ ...fresh, signature: 42 as never, subscription: subscription() }), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(saveSignedPushSubscription({ ...fresh, deviceId: "unknown-device", subscription: subscription() }), refusedWith("DEVICE_NOT_FOUND"));
  assert.equal(await stored(deviceId), null);
});

test("a blocked or removed phone cannot subscribe (security.md item 10)", async () => {
  const blocked = await createPairedPhone();
  await blockDevice({ userId: blocked.user.id, deviceId: blocked.deviceId, meta: {} });
  const signed = await signSubscribeRequest(blocked.phone.keyPair.privateKey, { deviceId: blocked.deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...signed, subscription: subscription() }), refusedWith("DEVICE_BLOCKED"));
  assert.equal(await stored(blocked.deviceId), null);

  const removed = await createPairedPhone();
  await removeDevice({ userId: removed.user.id, deviceId: removed.deviceId, meta: {} });
  const again = await signSubscribeRequest(removed.phone.keyPair.privateKey, { deviceId: removed.deviceId });
  await assert.rejects(saveSignedPushSubscription({ ...again, subscription: subscription() }), refusedWith("DEVICE_NOT_FOUND"));
});
