import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { verifyPasscode } from "@/lib/otp/verify-passcode";
import { createTestDevice, createTestUser, newFlowId } from "@/lib/otp/test-fixtures";

async function setup() {
  const user = await createTestUser();
  const device = await createTestDevice(user.id);
  const flowExecutionId = newFlowId();
  const issued = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", destination: device.target! });
  const base = { userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in" as const };
  return { user, device, flowExecutionId, issued, base };
}

/** A code that is certainly not the issued one. */
const wrong = (code: string) => ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");

async function counts(userId: string, deviceId: string) {
  const [user, device] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { failedMfaAttempts: true } }),
    db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { failedAttempts: true, lockedUntil: true } }),
  ]);
  return { account: user.failedMfaAttempts, device: device.failedAttempts, lockedUntil: device.lockedUntil };
}

test("the right code is accepted once, typed with spaces or a dash", async () => {
  const { base, issued } = await setup();
  const typed = `${issued.code.slice(0, 3)}-${issued.code.slice(3)} `;
  assert.deepEqual(await verifyPasscode({ ...base, code: typed }), { ok: true });
  const again = await verifyPasscode({ ...base, code: issued.code });
  assert.equal(again.ok, false);
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.ok(row.consumedAt);
});

test("past its expiry the right code is refused", async () => {
  const { base, issued } = await setup();
  const later = new Date(issued.expiresAt.getTime() + 1000);
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code, now: later }), { ok: false, reason: "expired" });
  // Also when the clock is real and the row has expired.
  await db.passcode.update({ where: { id: issued.passcodeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code }), { ok: false, reason: "expired" });
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.equal(row.consumedAt, null);
});

test("just before its expiry the right code still works", async () => {
  const { base, issued } = await setup();
  const justBefore = new Date(issued.expiresAt.getTime() - 1000);
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code, now: justBefore }), { ok: true });
});

test("20 parallel submissions of one valid code: exactly one succeeds", async () => {
  const { base, issued } = await setup();
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyPasscode({ ...base, code: issued.code })));
  assert.equal(results.filter((r) => r.ok).length, 1);
});

test("20 parallel submissions of one valid code with a high attempt limit: still exactly one succeeds", async () => {
  const { base, issued } = await setup();
  const policy = { maxAttempts: 100, lockoutThreshold: 100 };
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyPasscode({ ...base, code: issued.code, policy })));
  assert.equal(results.filter((r) => r.ok).length, 1);
});

test("20 parallel wrong codes raise every failure count by exactly 20", async () => {
  const { base, issued, user, device } = await setup();
  const policy = { maxAttempts: 100, lockoutThreshold: 100 };
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyPasscode({ ...base, code: wrong(issued.code), policy })));
  assert.ok(results.every((r) => !r.ok && r.reason === "invalid"));
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.equal(row.attempts, 20);
  const after = await counts(user.id, device.id);
  assert.equal(after.device, 20);
  assert.equal(after.account, 20);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "otp.failed" } }), 20);
});

test("parallel guesses cannot exceed a code's attempt limit", async () => {
  const { base, issued, user, device } = await setup();
  const policy = { maxAttempts: 5, lockoutThreshold: 100 };
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyPasscode({ ...base, code: wrong(issued.code), policy })));
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.equal(row.attempts, 5);
  assert.equal((await counts(user.id, device.id)).device, 5, "more guesses were compared than the code allows");
  assert.ok(results.every((r) => !r.ok && r.reason === "exhausted"));
  // Spent means spent: the right code no longer works either.
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code, policy }), { ok: false, reason: "exhausted" });
});

test("wrong codes report the attempts left", async () => {
  const { base, issued } = await setup();
  const first = await verifyPasscode({ ...base, code: wrong(issued.code) });
  assert.deepEqual(first, { ok: false, reason: "invalid", attemptsLeft: 4 });
});

test("a code works only for the flow, user, purpose and device it was sent for", async () => {
  const { base, issued, device } = await setup();
  const otherFlow = newFlowId();
  assert.equal((await verifyPasscode({ ...base, flowExecutionId: otherFlow, code: issued.code })).ok, false);
  assert.equal((await verifyPasscode({ ...base, purpose: "enrolment", code: issued.code })).ok, false);
  const { deviceId: _, ...withoutDevice } = base;
  assert.equal((await verifyPasscode({ ...withoutDevice, code: issued.code })).ok, false);

  // Another user, even one who knows the flow id and the code, is refused; with our device id it is "not found".
  const stranger = await createTestUser();
  const strangerDevice = await createTestDevice(stranger.id);
  const asStranger = { ...base, userId: stranger.id, deviceId: strangerDevice.id };
  assert.equal((await verifyPasscode({ ...asStranger, code: issued.code })).ok, false);
  await assert.rejects(
    verifyPasscode({ ...base, userId: stranger.id, deviceId: device.id, code: issued.code }),
    (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND",
  );

  // After all that, the rightful owner can still use it.
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code }), { ok: true });
});

test("a resend makes the earlier code fail, and keeps the failure count", async () => {
  const { base, issued, user, device } = await setup();
  await verifyPasscode({ ...base, code: wrong(issued.code) });
  const resent = await issuePasscode({ ...base, destination: device.target! });
  assert.notEqual(resent.passcodeId, issued.passcodeId);
  assert.equal((await counts(user.id, device.id)).device, 1, "a new code reset the count");
  if (resent.code !== issued.code) {
    assert.equal((await verifyPasscode({ ...base, code: issued.code })).ok, false);
  }
  assert.equal((await counts(user.id, device.id)).account, resent.code !== issued.code ? 2 : 1);
  assert.deepEqual(await verifyPasscode({ ...base, code: resent.code }), { ok: true });
});

test("after the lockout threshold the device is locked, the user told until when, and it is audited", async () => {
  const { base, user, device, issued } = await setup();
  const now = new Date();
  const policy = { lockoutThreshold: 4, lockoutMinutes: 15, maxAttempts: 10 };
  for (let i = 0; i < 3; i++) {
    const r = await verifyPasscode({ ...base, code: wrong(issued.code), policy, now });
    assert.equal(r.ok || r.reason, "invalid");
  }
  const fourth = await verifyPasscode({ ...base, code: wrong(issued.code), policy, now });
  assert.equal(fourth.ok, false);
  assert.ok(!fourth.ok && fourth.reason === "locked");
  const expected = new Date(now.getTime() + 15 * 60_000);
  assert.deepEqual(fourth.lockedUntil, expected);
  assert.deepEqual((await counts(user.id, device.id)).lockedUntil, expected);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.locked" } }), 1);

  // While locked even the right code is refused, with the time in the message.
  await assert.rejects(
    verifyPasscode({ ...base, code: issued.code, policy, now }),
    (e: unknown) => e instanceof AppError && e.code === "LOCKED" && e.message.includes(expected.toISOString().slice(0, 16).replace("T", " ")),
  );
  // After the lockout the right code works and clears the counts.
  const afterwards = new Date(expected.getTime() + 1000);
  const fresh = await issuePasscode({ ...base, destination: device.target!, now: afterwards });
  assert.deepEqual(await verifyPasscode({ ...base, code: fresh.code, policy, now: afterwards }), { ok: true });
  assert.deepEqual(await counts(user.id, device.id), { account: 0, device: 0, lockedUntil: null });
});

test("parallel wrong codes cannot get past the lockout threshold", async () => {
  const { base, user, device, issued } = await setup();
  const policy = { lockoutThreshold: 5, maxAttempts: 100 };
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyPasscode({ ...base, code: wrong(issued.code), policy })));
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.equal(row.attempts, 20, "each submission took one of the code's attempts");
  assert.equal((await counts(user.id, device.id)).device, 5, "more guesses were compared than the threshold allows");
  // Every one of them failed. At least the 15 after the threshold and the one that reached it are told
  // "locked"; on PostgreSQL, where the 20 really run side by side, some of the first four may be told so
  // too, since the account had reached the threshold by the time their failure was recorded.
  assert.ok(results.every((r) => !r.ok));
  assert.ok(results.filter((r) => !r.ok && r.reason === "locked").length >= 16);
});

test("failures on the account's devices add up, and the account threshold locks all its code devices", async () => {
  const user = await createTestUser();
  const phones = [await createTestDevice(user.id), await createTestDevice(user.id), await createTestDevice(user.id, "EMAIL")];
  const policy = { lockoutThreshold: 5, maxAttempts: 10 };
  const flowExecutionId = newFlowId();
  let last;
  for (let i = 0; i < 5; i++) {
    const device = phones[i % 2]!;
    const issued = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", destination: device.target! });
    last = await verifyPasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", code: wrong(issued.code), policy });
  }
  assert.ok(last && !last.ok && last.reason === "locked", "the fifth failure across devices did not lock");
  const devices = await db.device.findMany({ where: { userId: user.id }, select: { lockedUntil: true } });
  assert.ok(devices.every((d) => d.lockedUntil && d.lockedUntil > new Date()), "a device escaped the account lockout");
});

test("a success resets the device's and the account's counts", async () => {
  const { base, user, device, issued } = await setup();
  await verifyPasscode({ ...base, code: wrong(issued.code) });
  await verifyPasscode({ ...base, code: wrong(issued.code) });
  assert.deepEqual(await counts(user.id, device.id), { account: 2, device: 2, lockedUntil: null });
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code }), { ok: true });
  assert.deepEqual(await counts(user.id, device.id), { account: 0, device: 0, lockedUntil: null });
});

test("a blocked device fails on its next use", async () => {
  const { base, issued, device } = await setup();
  await db.device.update({ where: { id: device.id }, data: { status: "BLOCKED" } });
  await assert.rejects(verifyPasscode({ ...base, code: issued.code }), (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN");
});

test("a code issued without a device is checked without one", async () => {
  const user = await createTestUser();
  const flowExecutionId = newFlowId();
  const issued = await issuePasscode({ userId: user.id, flowExecutionId, purpose: "enrolment", destination: `${flowExecutionId}@test.local` });
  const base = { userId: user.id, flowExecutionId, purpose: "enrolment" as const };
  assert.deepEqual(await verifyPasscode({ ...base, code: wrong(issued.code) }), { ok: false, reason: "invalid", attemptsLeft: 4 });
  assert.deepEqual(await verifyPasscode({ ...base, code: issued.code }), { ok: true });
});
