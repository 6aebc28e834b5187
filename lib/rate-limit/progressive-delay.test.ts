import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { claimAttempt, clearAttempts, delayAfter } from "@/lib/rate-limit/progressive-delay";
import { limitKey } from "@/lib/rate-limit/keys";

const policy = { freeFailures: 10, firstDelaySeconds: 30, maxDelaySeconds: 900 };
const freshKey = () => limitKey("sign-in:account", `delay-${randomUUID()}@test.local`);

test("ten free failures, then waits of 30 s doubling up to 15 minutes, never a lock beyond that", () => {
  const waits = Array.from({ length: 100 }, (_, i) => delayAfter(i + 1, policy));
  assert.deepEqual(waits.slice(0, 9), Array(9).fill(0));
  assert.deepEqual(waits.slice(9, 16), [30, 60, 120, 240, 480, 900, 900]);
  assert.equal(Math.max(...waits), 900);
});

test("the eleventh attempt waits 30 s, the next one 60 s; a success clears the count", async () => {
  const key = freshKey();
  const t0 = new Date("2030-01-01T12:00:00Z");
  for (let i = 0; i < 10; i++) assert.deepEqual(await claimAttempt({ key, policy, now: t0 }), { allowed: true });
  assert.deepEqual(await claimAttempt({ key, policy, now: t0 }), { allowed: false, retryAfterSeconds: 30 });
  assert.deepEqual(await claimAttempt({ key, policy, now: new Date(t0.getTime() + 29_000) }), { allowed: false, retryAfterSeconds: 1 });
  const t1 = new Date(t0.getTime() + 30_000);
  assert.deepEqual(await claimAttempt({ key, policy, now: t1 }), { allowed: true });
  assert.deepEqual(await claimAttempt({ key, policy, now: t1 }), { allowed: false, retryAfterSeconds: 60 });
  await clearAttempts(key);
  for (let i = 0; i < 10; i++) assert.equal((await claimAttempt({ key, policy, now: t1 })).allowed, true);
});

test("20 parallel guesses against a fresh account: exactly 10 get through before the wait", async () => {
  const key = freshKey();
  // One clock for all 20: on PostgreSQL they really run side by side, and a guess that read the clock
  // before the wait was set would see 31 s left, which is right but not what this test is about.
  const now = new Date();
  const verdicts = await Promise.all(Array.from({ length: 20 }, () => claimAttempt({ key, policy, now })));
  assert.equal(verdicts.filter((v) => v.allowed).length, 10);
  const refused = verdicts.filter((v) => !v.allowed) as { retryAfterSeconds: number }[];
  assert.ok(refused.every((v) => v.retryAfterSeconds === 30), JSON.stringify(refused));
});

test("failures more than 12 hours old are forgotten", async () => {
  const key = freshKey();
  for (let i = 0; i < 10; i++) await claimAttempt({ key, policy });
  const muchLater = new Date(Date.now() + 13 * 3600_000);
  assert.deepEqual(await claimAttempt({ key, policy, now: muchLater }), { allowed: true });
  assert.deepEqual(await claimAttempt({ key, policy, now: muchLater }), { allowed: true });
});
