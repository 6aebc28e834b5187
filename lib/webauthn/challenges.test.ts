import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { CHALLENGE_TTL_SECONDS, consumeChallenge, liveChallenge, storeChallenge } from "@/lib/webauthn/challenges";
import { createTestUser, newFlowId } from "@/lib/webauthn/test-fixtures";

async function setup() {
  const user = await createTestUser();
  const base = { userId: user.id as string | null, flowExecutionId: newFlowId(), ceremony: "authentication" as const };
  const challenge = `challenge-${randomUUID()}`;
  const now = new Date();
  await storeChallenge({ ...base, challenge, now });
  return { user, base, challenge, now };
}

test("a challenge is consumed once", async () => {
  const { base, challenge } = await setup();
  assert.equal(await consumeChallenge({ ...base, challenge }), true);
  assert.equal(await consumeChallenge({ ...base, challenge }), false);
  assert.equal(await db.webAuthnChallenge.count({ where: { challenge } }), 0);
});

test("20 parallel consumes of one challenge: exactly one succeeds", async () => {
  const { base, challenge } = await setup();
  const results = await Promise.all(Array.from({ length: 20 }, () => consumeChallenge({ ...base, challenge })));
  assert.equal(results.filter(Boolean).length, 1);
});

test("past 300 seconds the challenge is refused, just before it is accepted", async () => {
  const { base, challenge, now } = await setup();
  const ttl = CHALLENGE_TTL_SECONDS * 1000;
  assert.equal(CHALLENGE_TTL_SECONDS, 300);
  assert.equal(await consumeChallenge({ ...base, challenge, now: new Date(now.getTime() + ttl + 1000) }), false);
  assert.equal(await consumeChallenge({ ...base, challenge, now: new Date(now.getTime() + ttl) }), false, "expiry is exclusive");
  assert.equal(await consumeChallenge({ ...base, challenge, now: new Date(now.getTime() + ttl - 1000) }), true);
});

test("a challenge works only for its user, flow and ceremony", async () => {
  const { base, challenge } = await setup();
  const stranger = await createTestUser();
  assert.equal(await consumeChallenge({ ...base, userId: stranger.id, challenge }), false);
  assert.equal(await consumeChallenge({ ...base, userId: null, challenge }), false);
  assert.equal(await consumeChallenge({ ...base, flowExecutionId: newFlowId(), challenge }), false);
  assert.equal(await consumeChallenge({ ...base, ceremony: "registration", challenge }), false);
  assert.equal(await consumeChallenge({ ...base, challenge: `${challenge}x` }), false);
  assert.equal(await consumeChallenge({ ...base, challenge: "" }), false);
  // The failed attempts did not spend it: the rightful ceremony still can.
  assert.equal(await consumeChallenge({ ...base, challenge }), true);
});

test("an anonymous challenge (discoverable sign-in) is not usable by a named user", async () => {
  const user = await createTestUser();
  const base = { userId: null, flowExecutionId: newFlowId(), ceremony: "authentication" as const };
  const challenge = `challenge-${randomUUID()}`;
  await storeChallenge({ ...base, challenge });
  assert.equal(await consumeChallenge({ ...base, userId: user.id, challenge }), false);
  assert.equal(await consumeChallenge({ ...base, challenge }), true);
});

test("a new challenge voids the previous one of the same user, flow and ceremony only", async () => {
  const { base, challenge } = await setup();
  const otherCeremony = { ...base, ceremony: "registration" as const };
  const kept = `challenge-${randomUUID()}`;
  await storeChallenge({ ...otherCeremony, challenge: kept });
  const newer = `challenge-${randomUUID()}`;
  await storeChallenge({ ...base, challenge: newer });
  assert.equal(await consumeChallenge({ ...base, challenge }), false);
  assert.equal(await consumeChallenge({ ...base, challenge: newer }), true);
  assert.equal(await consumeChallenge({ ...otherCeremony, challenge: kept }), true);
});

test("storing a challenge clears expired ones", async () => {
  const { base, challenge, now } = await setup();
  const later = new Date(now.getTime() + (CHALLENGE_TTL_SECONDS + 1) * 1000);
  await storeChallenge({ ...base, flowExecutionId: newFlowId(), challenge: `challenge-${randomUUID()}`, now: later });
  assert.equal(await db.webAuthnChallenge.count({ where: { challenge } }), 0);
});

test("the live challenge of a binding is found until it is spent or expires; other bindings' are not", async () => {
  const userId = (await createTestUser()).id;
  const flowExecutionId = newFlowId();
  const challenge = `live-${randomUUID()}`;
  assert.equal(await liveChallenge({ userId, flowExecutionId, ceremony: "registration" }), null);
  await storeChallenge({ userId, flowExecutionId, ceremony: "registration", challenge });
  assert.equal(await liveChallenge({ userId, flowExecutionId, ceremony: "registration" }), challenge);
  assert.equal(await liveChallenge({ userId, flowExecutionId, ceremony: "authentication" }), null);
  assert.equal(await liveChallenge({ userId, flowExecutionId, ceremony: "registration", now: new Date(Date.now() + 301_000) }), null);
  assert.ok(await consumeChallenge({ userId, flowExecutionId, ceremony: "registration", challenge }));
  assert.equal(await liveChallenge({ userId, flowExecutionId, ceremony: "registration" }), null);
});
