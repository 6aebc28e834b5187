import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey, randomUUID, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/otp/test-fixtures";
import { forgetPushSubscription } from "@/lib/push/forget-push-subscription";
import { readPushSubscription } from "@/lib/push/read-push-subscription";
import { savePushSubscription } from "@/lib/push/save-push-subscription";
import { sendPush } from "@/lib/push/send-push";
import { browserSubscription, startTestPushService, type ReceivedPush } from "@/lib/push/test-push-service";
import { getVapidPublicKey } from "@/lib/push/vapid-keys";
import { createWebPushSender } from "@/lib/push/web-push-sender";

let service: Awaited<ReturnType<typeof startTestPushService>>;
let received: ReceivedPush[];
let origin: string;
const answerWith = (status: number) => service.answerWith(status);

before(async () => {
  service = await startTestPushService();
  received = service.received;
  origin = service.origin;
});
after(() => service.close());

async function mobileDevice() {
  const user = await createTestUser();
  const device = await db.device.create({
    data: { userId: user.id, type: "MOBILE", status: "ACTIVE", nickname: "Phone" },
    select: { id: true },
  });
  return { userId: user.id, deviceId: device.id };
}

function vapidClaims(authorization: string | undefined) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? "");
  assert.ok(match, `Authorization: ${authorization}`);
  const [, token = "", k = ""] = match;
  const [header = "", claims = "", signature = ""] = token.split(".");
  return {
    k,
    header: JSON.parse(Buffer.from(header, "base64url").toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; exp: number; sub: string },
    signed: Buffer.from(`${header}.${claims}`),
    signature: Buffer.from(signature, "base64url"),
  };
}

/** A JWK from the stored VAPID public key (an uncompressed point: 0x04, x, y). */
function storedPublicKey(raw: string) {
  const point = Buffer.from(raw, "base64url");
  assert.equal(point.length, 65);
  assert.equal(point[0], 4);
  const jwk = { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") };
  return createPublicKey({ key: jwk, format: "jwk" });
}

test("a push reaches the push service signed with the stored VAPID key, and the phone's keys decrypt it (RFC 8291)", async () => {
  const { userId, deviceId } = await mobileDevice();
  const subscription = await browserSubscription(`${origin}/push/${randomUUID()}`);
  const challengeId = randomUUID();
  received.length = 0;
  answerWith(201);

  const result = await sendPush({ deviceId, userId, subscription: subscription.json, payload: { kind: "push-challenge", challengeId } });

  assert.deepEqual(result, { delivered: true, expired: false });
  assert.equal(received.length, 1);
  const push = received[0]!;
  assert.equal(push.method, "POST");
  assert.equal(`${origin}${push.url}`, subscription.json.endpoint);
  assert.equal(push.headers["content-encoding"], "aes128gcm");
  assert.equal(push.headers["content-type"], "application/octet-stream");
  assert.equal(push.headers.ttl, "60");
  assert.equal(push.headers.urgency, "high");
  assert.equal(push.headers.topic, "push-challenge");

  // VAPID (RFC 8292): an ES256 JWT for this push service's origin, by the key the app subscribed with.
  const stored = await db.vapidKeys.findUniqueOrThrow({ where: { id: 1 } });
  assert.equal(await getVapidPublicKey(), stored.publicKey);
  const vapid = vapidClaims(push.headers.authorization);
  assert.equal(vapid.k, stored.publicKey);
  assert.deepEqual(vapid.header, { typ: "JWT", alg: "ES256" });
  assert.ok(verify("sha256", vapid.signed, { key: storedPublicKey(stored.publicKey), dsaEncoding: "ieee-p1363" }, vapid.signature), "VAPID signature");
  assert.equal(vapid.claims.aud, origin);
  assert.equal(vapid.claims.sub, config().push.vapidSubject);
  const now = Date.now() / 1000;
  assert.ok(vapid.claims.exp > now && vapid.claims.exp <= now + 24 * 3600, `exp ${vapid.claims.exp}`);
  const forged = Buffer.from(vapid.signature);
  forged[0] = (forged[0] ?? 0) ^ 1;
  assert.ok(!verify("sha256", vapid.signed, { key: storedPublicKey(stored.publicKey), dsaEncoding: "ieee-p1363" }, forged));

  // The body as the phone's browser reads it, and nothing more than the hint and the ids.
  const plain = subscription.read(push.body);
  assert.deepEqual(JSON.parse(plain), { kind: "push-challenge", challengeId, deviceId });
  assert.ok(!push.body.includes(Buffer.from(challengeId)), "the challenge id travels encrypted");

  // Another subscription's keys cannot read it.
  const stranger = await browserSubscription(subscription.json.endpoint);
  assert.throws(() => stranger.read(push.body));

  // Outside production the outbox keeps what the app received, addressed to the device.
  const outbox = await db.outboxMessage.findMany({ where: { to: deviceId } });
  assert.deepEqual(outbox.map((m) => [m.channel, m.subject, m.body]), [["push", "push-challenge", plain]]);
});

test("a subscription the push service says is gone (410, 404) is reported expired, then forgotten", async () => {
  for (const status of [410, 404]) {
    const { userId, deviceId } = await mobileDevice();
    const subscription = await browserSubscription(`${origin}/push/${randomUUID()}`);
    await savePushSubscription({ userId, deviceId, subscription: subscription.json });
    const row = await db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { pushSubscription: true } });
    const stored = readPushSubscription(row.pushSubscription);
    assert.deepEqual(stored, subscription.json);
    answerWith(status);

    const result = await sendPush({ deviceId, userId, subscription: stored, payload: { kind: "unpaired" } });

    assert.deepEqual(result, { delivered: false, expired: true }, `HTTP ${status}`);
    assert.equal(await forgetPushSubscription({ userId, deviceId, endpoint: subscription.json.endpoint }), true);
    const cleared = await db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { pushSubscription: true } });
    assert.equal(cleared.pushSubscription, null);
  }
  answerWith(201);
});

test("a push service that refuses, is down or does not answer costs the wake-up, never an exception", async () => {
  const { userId, deviceId } = await mobileDevice();
  const payload = { kind: "push-challenge", challengeId: randomUUID() } as const;

  answerWith(500);
  const refusing = await browserSubscription(`${origin}/push/${randomUUID()}`);
  assert.deepEqual(await sendPush({ deviceId, userId, subscription: refusing.json, payload }), { delivered: false, expired: false });
  answerWith(201);

  // Nothing listens on a port of a server that was closed.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const down = await browserSubscription(`http://127.0.0.1:${closedPort}/push/${randomUUID()}`);
  assert.deepEqual(await sendPush({ deviceId, userId, subscription: down.json, payload }), { delivered: false, expired: false });

  // Accepts the connection and never answers: the sender's deadline ends the wait.
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  try {
    const hung = await browserSubscription(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/push`);
    const started = Date.now();
    const result = await sendPush({ deviceId, userId, subscription: hung.json, payload }, { sender: createWebPushSender({ timeoutMs: 300 }) });
    assert.deepEqual(result, { delivered: false, expired: false });
    assert.ok(Date.now() - started < 3000, "waited past the deadline");
  } finally {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }

  // A subscription without keys cannot carry a payload; nothing is sent.
  received.length = 0;
  const keyless = { endpoint: `${origin}/push/${randomUUID()}` };
  assert.deepEqual(await sendPush({ deviceId, userId, subscription: keyless, payload }), { delivered: false, expired: false });
  assert.equal(received.length, 0);

  // Every attempt above is in the outbox all the same.
  assert.equal(await db.outboxMessage.count({ where: { to: deviceId, channel: "push" } }), 4);
});

test("without a subscription nothing is sent, and the outbox still shows the push", async () => {
  const { userId, deviceId } = await mobileDevice();
  received.length = 0;
  const result = await sendPush({ deviceId, userId, subscription: null, payload: { kind: "unpaired" } });
  assert.deepEqual(result, { delivered: false, expired: false });
  assert.equal(received.length, 0);
  const outbox = await db.outboxMessage.findMany({ where: { to: deviceId } });
  assert.deepEqual(outbox.map((m) => [m.channel, JSON.parse(m.body)]), [["push", { kind: "unpaired", deviceId }]]);
});
