import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { signSubscribeRequest } from "@/lib/authenticator-protocol/sign";
import { blockDevice } from "@/lib/devices/block-device";
import { removeDevice } from "@/lib/devices/remove-device";
import { createPushChallenge } from "@/lib/mobile/create-push-challenge";
import { saveSignedPushSubscription } from "@/lib/mobile/save-signed-push-subscription";
import { createPairedPhone, newFlowId } from "@/lib/mobile/test-fixtures";
import { browserSubscription, startTestPushService } from "@/lib/push/test-push-service";

/**
 * The pushes the product sends, end to end through Web Push: a phone's app subscribes (signed, as the
 * app does), a sign-in asks it, and the push service (a local stand-in) receives a message only the
 * phone's browser can decrypt (RFC 8291). Outside a request the push goes before createPushChallenge
 * returns, so the test can look at once.
 */
let service: Awaited<ReturnType<typeof startTestPushService>>;
before(async () => {
  service = await startTestPushService();
});
after(() => service.close());

/** A paired phone whose app turned notifications on: its browser's subscription, saved by a signed request. */
async function subscribedPhone() {
  const phone = await createPairedPhone();
  const browser = await browserSubscription(`${service.origin}/push/${phone.deviceId}`);
  const signed = await signSubscribeRequest(phone.phone.keyPair.privateKey, { deviceId: phone.deviceId, endpoint: browser.json.endpoint });
  await saveSignedPushSubscription({ ...signed, subscription: browser.json });
  return { ...phone, browser };
}

const pushesTo = (deviceId: string) => service.received.filter((push) => push.url === `/push/${deviceId}`);

test("a sign-in request wakes the subscribed phone: the push service gets it, and only the phone's browser can read which request", async () => {
  service.answerWith(201);
  const phone = await subscribedPhone();
  const challenge = await createPushChallenge({ userId: phone.user.id, deviceId: phone.deviceId, flowExecutionId: newFlowId(), meta: {} });
  const [push, ...more] = pushesTo(phone.deviceId);
  assert.equal(more.length, 0);
  assert.ok(push, "the push service received the push");
  assert.deepEqual(JSON.parse(phone.browser.read(push.body)), { kind: "push-challenge", challengeId: challenge.id, deviceId: phone.deviceId });
  // The number to choose never travels in a push: the app fetches the request over its signed channel.
  assert.doesNotMatch(phone.browser.read(push.body), /"number"/);
});

test("a removed phone that subscribed is told it is unpaired; a blocked one is sent nothing", async () => {
  service.answerWith(201);
  const removed = await subscribedPhone();
  await removeDevice({ userId: removed.user.id, deviceId: removed.deviceId, meta: {} });
  const [unpaired] = pushesTo(removed.deviceId);
  assert.ok(unpaired);
  assert.deepEqual(JSON.parse(removed.browser.read(unpaired.body)), { kind: "unpaired", deviceId: removed.deviceId });

  const blocked = await subscribedPhone();
  await blockDevice({ userId: blocked.user.id, deviceId: blocked.deviceId, meta: {} });
  await assert.rejects(createPushChallenge({ userId: blocked.user.id, deviceId: blocked.deviceId, flowExecutionId: newFlowId(), meta: {} }));
  assert.equal(pushesTo(blocked.deviceId).length, 0);
});

test("a subscription the push service says is gone is forgotten by the push that found out", async () => {
  const phone = await subscribedPhone();
  service.answerWith(410);
  try {
    await createPushChallenge({ userId: phone.user.id, deviceId: phone.deviceId, flowExecutionId: newFlowId(), meta: {} });
  } finally {
    service.answerWith(201);
  }
  assert.equal(pushesTo(phone.deviceId).length, 1);
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: phone.deviceId } })).pushSubscription, null);
  // The next request is still made, and still listed for the open app; only the knock is skipped.
  await createPushChallenge({ userId: phone.user.id, deviceId: phone.deviceId, flowExecutionId: newFlowId(), meta: {} });
  assert.equal(pushesTo(phone.deviceId).length, 1);
});
