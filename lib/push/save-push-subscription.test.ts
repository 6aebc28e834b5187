import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { forgetPushSubscription } from "@/lib/push/forget-push-subscription";
import { readPushSubscription } from "@/lib/push/read-push-subscription";
import { savePushSubscription } from "@/lib/push/save-push-subscription";

const keys = { p256dh: `B${"x".repeat(86)}`, auth: "y".repeat(22) };
const subscription = (endpoint = `http://127.0.0.1:9/push/${randomUUID()}`) => ({ endpoint, expirationTime: null, keys });

async function phone(status: "ACTIVE" | "BLOCKED" = "ACTIVE") {
  const user = await createTestUser();
  const device = await db.device.create({ data: { userId: user.id, type: "MOBILE", status, nickname: "Phone" }, select: { id: true } });
  return { userId: user.id, deviceId: device.id };
}

const stored = async (deviceId: string) =>
  readPushSubscription((await db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { pushSubscription: true } })).pushSubscription);

const rejectsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

test("a phone's subscription is kept on its device and replaced by the next one", async () => {
  const { userId, deviceId } = await phone();
  const first = subscription();
  assert.deepEqual(await savePushSubscription({ userId, deviceId, subscription: { ...first, extra: 1 } }), first);
  assert.deepEqual(await stored(deviceId), first);
  const second = subscription();
  await savePushSubscription({ userId, deviceId, subscription: second });
  assert.deepEqual(await stored(deviceId), second);
});

test("only the owner's own, unblocked MOBILE device takes a subscription, and only a valid one", async () => {
  const { userId, deviceId } = await phone();
  const stranger = await createTestUser();
  await assert.rejects(savePushSubscription({ userId: stranger.id, deviceId, subscription: subscription() }), rejectsWith("NOT_FOUND"));
  const sms = await createTestDevice(userId, "SMS");
  await assert.rejects(savePushSubscription({ userId, deviceId: sms.id, subscription: subscription() }), rejectsWith("NOT_FOUND"));
  const blocked = await phone("BLOCKED");
  await assert.rejects(savePushSubscription({ ...blocked, subscription: subscription() }), rejectsWith("NOT_FOUND"));
  await assert.rejects(
    savePushSubscription({ userId, deviceId, subscription: { endpoint: "javascript:alert(1)", keys } }),
    (error: unknown) => rejectsWith("VALIDATION")(error) && Boolean((error as AppError).fieldErrors?.endpoint),
  );
  assert.equal(await stored(deviceId), null);
  assert.equal(await stored(blocked.deviceId), null);
});

test("forgetting an expired endpoint keeps a subscription saved since; only the owner forgets", async () => {
  const { userId, deviceId } = await phone();
  const old = subscription();
  const fresh = subscription();
  await savePushSubscription({ userId, deviceId, subscription: fresh });
  assert.equal(await forgetPushSubscription({ userId, deviceId, endpoint: old.endpoint }), false);
  assert.deepEqual(await stored(deviceId), fresh);

  const stranger = await createTestUser();
  assert.equal(await forgetPushSubscription({ userId: stranger.id, deviceId }), false);
  assert.deepEqual(await stored(deviceId), fresh);

  assert.equal(await forgetPushSubscription({ userId, deviceId }), true);
  assert.equal(await stored(deviceId), null);
  assert.equal(await forgetPushSubscription({ userId, deviceId }), false);
});

test("a stored value that is not a usable subscription reads as none", () => {
  assert.equal(readPushSubscription(null), null);
  assert.equal(readPushSubscription("not json"), null);
  assert.equal(readPushSubscription(JSON.stringify({ endpoint: "http://127.0.0.1/x" })), null);
});
