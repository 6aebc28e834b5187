import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { generateDeviceKeyPair } from "@/lib/authenticator-protocol/keys";
import { signDecision, signListRequest } from "@/lib/authenticator-protocol/sign";
import type { PushDecision } from "@/lib/authenticator-protocol/payloads";
import { blockDevice, unblockDevice } from "@/lib/devices/block-device";
import { removeDevice } from "@/lib/devices/remove-device";
import { cancelPushChallenge } from "@/lib/mobile/cancel-push-challenge";
import { createPushChallenge } from "@/lib/mobile/create-push-challenge";
import { decidePushChallenge } from "@/lib/mobile/decide-push-challenge";
import { isMobileAuthError } from "@/lib/mobile/mobile-error";
import { pendingRequests } from "@/lib/mobile/pending-requests";
import { pushChallengeStatus } from "@/lib/mobile/push-challenge-status";
import { createPairedPhone, newFlowId, uniqueIp } from "@/lib/mobile/test-fixtures";

const refusedWith = (reason: string) => (e: unknown) => isMobileAuthError(e) && e.reason === reason;
const browser = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" };

async function setup() {
  const phone = await createPairedPhone();
  const userId = phone.user.id;
  const flowExecutionId = newFlowId();
  const push = () => createPushChallenge({ userId, deviceId: phone.deviceId, flowExecutionId, meta: browser });
  const challenge = await push();
  /** The phone's answer, signed by its own key unless told otherwise. */
  const answer = async (
    fields: { number?: number | null; decision?: PushDecision; signedAt?: number; challengeId?: string },
    options: { privateKey?: CryptoKey; now?: Date; sign?: Partial<{ number: number | null; decision: PushDecision; challengeId: string; signedAt: number }>; mismatchLimit?: number } = {},
  ) => {
    const body = {
      challengeId: fields.challengeId ?? challenge.id,
      number: fields.number === undefined ? challenge.number : fields.number,
      decision: fields.decision ?? "APPROVE",
      signedAt: fields.signedAt ?? Date.now(),
    };
    // What is signed may differ from what is sent: that is the forgery being tested.
    const signed = await signDecision(options.privateKey ?? phone.phone.keyPair.privateKey, { ...body, ...options.sign });
    return decidePushChallenge({
      ...body,
      signature: signed.signature,
      deviceId: phone.deviceId,
      meta: { ip: uniqueIp() },
      ...(options.now ? { now: options.now } : {}),
      ...(options.mismatchLimit ? { mismatchLimit: options.mismatchLimit } : {}),
    });
  };
  const status = async () => (await db.pushChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).status;
  return { ...phone, userId, flowExecutionId, push, challenge, answer, status };
}

/** A two-digit number that is not `n`. */
const otherThan = (n: number) => (n === 99 ? 98 : n + 1);

test("a push: a two-digit number for the page, three distinct choices including it for the phone, what is asking, an expiry of 60 s", async () => {
  const { challenge, phone, deviceId, userId } = await setup();
  assert.ok(challenge.number >= 10 && challenge.number <= 99);
  assert.match(challenge.id, /^[0-9a-f-]{36}$/);
  const ttl = challenge.expiresAt.getTime() - Date.now();
  assert.ok(ttl > 55_000 && ttl <= 60_000);
  const listed = await pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId }));
  assert.equal(listed.requests.length, 1);
  const request = listed.requests[0]!;
  assert.equal(request.challengeId, challenge.id);
  assert.equal(request.choices.length, 3);
  assert.equal(new Set(request.choices).size, 3);
  assert.ok(request.choices.includes(challenge.number));
  assert.ok(request.choices.every((n) => Number.isInteger(n) && n >= 10 && n <= 99));
  assert.deepEqual(request.requestInfo, { company: "Acme", browser: "Chrome on Windows", ip: "203.0.113.9", place: null });
  assert.ok(!JSON.stringify(listed).includes('"number"'), "the phone is never told which number is right");
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.sent" } }), 1);
});

test("the right number, signed by the phone's key, approves: the flow sees APPROVED, the phone's last use is recorded", async () => {
  const { answer, userId, flowExecutionId, deviceId, challenge } = await setup();
  assert.deepEqual(await answer({}), { status: "APPROVED" });
  const state = await pushChallengeStatus({ flowExecutionId, userId });
  assert.equal(state?.status, "APPROVED");
  assert.equal(state?.id, challenge.id);
  assert.ok(state?.decidedAt);
  assert.ok((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).lastUsedAt);
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.approved" } }), 1);
});

test("deny, with or without choosing a number", async () => {
  const first = await setup();
  assert.deepEqual(await first.answer({ number: null, decision: "DENY" }), { status: "DENIED" });
  assert.equal(await first.status(), "DENIED");
  const second = await setup();
  assert.deepEqual(await second.answer({ number: otherThan(second.challenge.number), decision: "DENY" }), { status: "DENIED" });
  assert.equal(await db.auditEvent.count({ where: { userId: second.userId, action: "push.denied" } }), 1);
});

test("a signature by another key, over another number, another decision or another challenge is refused and changes nothing", async () => {
  const { answer, challenge, status, push } = await setup();
  const stranger = await generateDeviceKeyPair();
  await assert.rejects(answer({}, { privateKey: stranger.privateKey }), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(answer({}, { sign: { number: otherThan(challenge.number) } }), refusedWith("SIGNATURE_INVALID"));
  // Signed as a denial, sent as an approval.
  await assert.rejects(answer({}, { sign: { decision: "DENY" } }), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(answer({ signedAt: Date.now() }, { sign: { signedAt: Date.now() - 1000 } }), refusedWith("SIGNATURE_INVALID"));
  assert.equal(await status(), "PENDING");
  // An approval signed for this challenge, sent for the next one.
  const next = await push();
  await assert.rejects(answer({ challengeId: next.id, number: next.number }, { sign: { challengeId: challenge.id } }), refusedWith("SIGNATURE_INVALID"));
  assert.equal((await db.pushChallenge.findUniqueOrThrow({ where: { id: next.id } })).status, "PENDING");
  assert.equal(await db.auditEvent.count({ where: { action: "push.approved", details: { contains: challenge.id } } }), 0);
});

test("a signature older (or newer) than 60 s is refused; within 60 s it is accepted", async () => {
  const { answer, status } = await setup();
  const now = new Date();
  await assert.rejects(answer({ signedAt: now.getTime() - 61_000 }, { now }), refusedWith("SIGNATURE_EXPIRED"));
  await assert.rejects(answer({ signedAt: now.getTime() + 61_000 }, { now }), refusedWith("SIGNATURE_EXPIRED"));
  assert.equal(await status(), "PENDING");
  assert.deepEqual(await answer({ signedAt: now.getTime() - 59_000 }, { now }), { status: "APPROVED" });
});

test("a wrong number is refused and denies the request, audited; the right number cannot approve it afterwards", async () => {
  const { answer, challenge, status, userId } = await setup();
  await assert.rejects(answer({ number: otherThan(challenge.number) }), (e: unknown) => refusedWith("NUMBER_MISMATCH")(e) && /denied/.test((e as Error).message));
  assert.equal(await status(), "DENIED");
  await assert.rejects(answer({}), refusedWith("CHALLENGE_DECIDED"));
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.number_mismatch" } }), 1);
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.denied" } }), 1);
});

test("wrong numbers count against the challenge: with a limit of 2 the first is refused, the second denies", async () => {
  const { answer, challenge, status } = await setup();
  const wrong = otherThan(challenge.number);
  await assert.rejects(answer({ number: wrong }, { mismatchLimit: 2 }), (e: unknown) => refusedWith("NUMBER_MISMATCH")(e) && !/denied/.test((e as Error).message));
  assert.equal(await status(), "PENDING");
  await assert.rejects(answer({ number: wrong }, { mismatchLimit: 2 }), (e: unknown) => refusedWith("NUMBER_MISMATCH")(e) && /denied/.test((e as Error).message));
  assert.equal(await status(), "DENIED");
  assert.equal((await db.pushChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).failedAttempts, 2);
});

test("a replayed approval does not apply twice", async () => {
  const { challenge, phone, deviceId, userId } = await setup();
  const signed = await signDecision(phone.keyPair.privateKey, { challengeId: challenge.id, number: challenge.number, decision: "APPROVE" });
  assert.deepEqual(await decidePushChallenge({ ...signed, deviceId }), { status: "APPROVED" });
  await assert.rejects(decidePushChallenge({ ...signed, deviceId }), refusedWith("CHALLENGE_DECIDED"));
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.approved" } }), 1);
});

test("20 parallel approvals of one challenge: exactly one applies", async () => {
  const { challenge, phone, deviceId, userId } = await setup();
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => signDecision(phone.keyPair.privateKey, { challengeId: challenge.id, number: challenge.number, decision: "APPROVE" })),
  );
  const results = await Promise.allSettled(answers.map((signed) => decidePushChallenge({ ...signed, deviceId })));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  for (const r of results) if (r.status === "rejected") assert.ok(refusedWith("CHALLENGE_DECIDED")(r.reason), String(r.reason));
  assert.equal(await db.auditEvent.count({ where: { userId, action: "push.approved" } }), 1);
});

test("past its expiry a challenge cannot be approved, and the flow sees EXPIRED", async () => {
  const { answer, challenge, userId, flowExecutionId, status } = await setup();
  const later = new Date(challenge.expiresAt.getTime() + 1000);
  assert.equal((await pushChallengeStatus({ flowExecutionId, userId }))?.status, "PENDING");
  await assert.rejects(answer({ signedAt: later.getTime() }, { now: later }), refusedWith("CHALLENGE_EXPIRED"));
  assert.equal(await status(), "EXPIRED");
  assert.equal((await pushChallengeStatus({ flowExecutionId, userId, now: later }))?.status, "EXPIRED");
  // The flow's own poll also expires a challenge nobody answered.
  const another = await setup();
  const afterwards = new Date(another.challenge.expiresAt.getTime() + 1);
  assert.equal((await pushChallengeStatus({ flowExecutionId: another.flowExecutionId, userId: another.userId, now: afterwards }))?.status, "EXPIRED");
  assert.equal(await another.status(), "EXPIRED");
  // Bound to its flow and user.
  assert.equal(await pushChallengeStatus({ flowExecutionId: another.flowExecutionId, userId }), null);
  assert.equal(await pushChallengeStatus({ flowExecutionId: newFlowId(), userId: another.userId }), null);
});

test("one pending push per phone: a new push cancels the earlier one, also when pushes race", async () => {
  const { push, challenge, answer, deviceId, phone } = await setup();
  const next = await push();
  assert.equal((await db.pushChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).status, "CANCELED");
  await assert.rejects(answer({}), refusedWith("CHALLENGE_DECIDED"));
  const listed = await pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId }));
  assert.deepEqual(listed.requests.map((r) => r.challengeId), [next.id]);
  await Promise.all(Array.from({ length: 5 }, () => push()));
  assert.equal(await db.pushChallenge.count({ where: { deviceId, status: "PENDING" } }), 1);
});

test("a phone's requests are kept a day after they end, then swept by its next push", async () => {
  const { push, challenge, deviceId } = await setup();
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000 - 60_000);
  await db.pushChallenge.update({ where: { id: challenge.id }, data: { createdAt: dayAgo, expiresAt: dayAgo } });
  const recent = await push();
  await push();
  assert.equal(await db.pushChallenge.count({ where: { id: challenge.id } }), 0);
  assert.equal(await db.pushChallenge.count({ where: { id: recent.id } }), 1);
  assert.equal(await db.pushChallenge.count({ where: { deviceId } }), 2);
});

test("the flow can withdraw its push (another device chosen): the phone stops listing it", async () => {
  const { userId, flowExecutionId, deviceId, phone, answer } = await setup();
  assert.equal(await cancelPushChallenge({ flowExecutionId, userId: "someone-else" }), 0);
  assert.equal(await cancelPushChallenge({ flowExecutionId, userId }), 1);
  assert.deepEqual((await pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId }))).requests, []);
  await assert.rejects(answer({}), refusedWith("CHALLENGE_DECIDED"));
});

test("pushes per account are limited (PUSH_LIMIT_PER_HOUR, 10 by default), with the wait in the refusal", async () => {
  const { push, userId, deviceId } = await setup();
  for (let i = 0; i < 9; i++) await push();
  await assert.rejects(push(), (e: unknown) => refusedWith("PUSH_RATE_LIMITED")(e) && (e as { retryAfterSeconds?: number }).retryAfterSeconds! > 3500);
  // Per account, not per flow: a new sign-in is refused too.
  await assert.rejects(createPushChallenge({ userId, deviceId, flowExecutionId: newFlowId(), meta: {} }), refusedWith("PUSH_RATE_LIMITED"));
  assert.equal(await db.pushChallenge.count({ where: { userId } }), 10);
  // Another account's phone is not held up.
  const other = await setup();
  assert.equal(await other.status(), "PENDING");
});

test("a blocked phone is not pushed to, cannot list and cannot approve; unblocked it works again", async () => {
  const { answer, push, userId, deviceId, phone, status } = await setup();
  await blockDevice({ userId, deviceId, meta: {} });
  await assert.rejects(answer({}), refusedWith("DEVICE_BLOCKED"));
  assert.equal(await status(), "PENDING");
  await assert.rejects(push(), refusedWith("DEVICE_BLOCKED"));
  await assert.rejects(pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId })), refusedWith("DEVICE_BLOCKED"));
  await unblockDevice({ userId, deviceId, meta: {} });
  assert.deepEqual(await answer({}), { status: "APPROVED" });
});

test("a removed phone is forgotten with its key: nothing to push to, list or approve", async () => {
  const { answer, push, userId, deviceId, phone, challenge } = await setup();
  await removeDevice({ userId, deviceId, meta: {} });
  assert.equal(await db.pushChallenge.count({ where: { id: challenge.id } }), 0);
  await assert.rejects(answer({}), refusedWith("DEVICE_NOT_FOUND"));
  await assert.rejects(push(), refusedWith("DEVICE_NOT_FOUND"));
  await assert.rejects(pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId })), refusedWith("DEVICE_NOT_FOUND"));
});

test("only the user's own paired phone is pushed to, and a phone answers only its own challenges", async () => {
  const mine = await setup();
  const theirs = await setup();
  await assert.rejects(
    createPushChallenge({ userId: mine.userId, deviceId: theirs.deviceId, flowExecutionId: newFlowId(), meta: {} }),
    refusedWith("DEVICE_NOT_FOUND"),
  );
  // Their phone, signing properly with its own key, answers my challenge: no such challenge for it.
  const signed = await signDecision(theirs.phone.keyPair.privateKey, { challengeId: mine.challenge.id, number: mine.challenge.number, decision: "APPROVE" });
  await assert.rejects(decidePushChallenge({ ...signed, deviceId: theirs.deviceId }), refusedWith("CHALLENGE_NOT_FOUND"));
  assert.equal(await mine.status(), "PENDING");
  await assert.rejects(decidePushChallenge({ ...signed, deviceId: mine.deviceId }), refusedWith("SIGNATURE_INVALID"));
});

test("listing requests needs the phone's own fresh signature", async () => {
  const { phone, deviceId } = await setup();
  const stranger = await generateDeviceKeyPair();
  await assert.rejects(pendingRequests(await signListRequest(stranger.privateKey, { deviceId })), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(pendingRequests(await signListRequest(phone.keyPair.privateKey, { deviceId, signedAt: Date.now() - 61_000 })), refusedWith("SIGNATURE_EXPIRED"));
  const signed = await signListRequest(phone.keyPair.privateKey, { deviceId });
  await assert.rejects(pendingRequests({ ...signed, signedAt: signed.signedAt + 1 }), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(pendingRequests({ ...signed, signedAt: Number.NaN }), refusedWith("INVALID_REQUEST"));
  assert.equal((await pendingRequests(signed)).requests.length, 1);
});

test("odd requests are typed refusals, never crashes", async () => {
  const { deviceId, challenge } = await setup();
  const base = { deviceId, challengeId: challenge.id, number: challenge.number, decision: "APPROVE" as const, signedAt: Date.now(), signature: "" };
  await assert.rejects(decidePushChallenge({ ...base, deviceId: "" }), refusedWith("DEVICE_NOT_FOUND"));
  await assert.rejects(decidePushChallenge({ ...base, challengeId: "" }), refusedWith("CHALLENGE_NOT_FOUND"));
  await assert.rejects(decidePushChallenge({ ...base, decision: "YES" as never }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(decidePushChallenge({ ...base, number: "42" as never }), refusedWith("INVALID_REQUEST"));
  await assert.rejects(decidePushChallenge(base), refusedWith("SIGNATURE_INVALID"));
  await assert.rejects(decidePushChallenge({ ...base, signature: 42 as never }), refusedWith("SIGNATURE_INVALID"));
});
