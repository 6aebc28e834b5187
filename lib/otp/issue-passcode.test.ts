import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { hashPasscode } from "@/lib/otp/keyed-hash";
import { createTestDevice, createTestUser, newFlowId, uniquePhone } from "@/lib/otp/test-fixtures";

test("only a keyed hash of the code is stored, never the code", async () => {
  const user = await createTestUser();
  const device = await createTestDevice(user.id);
  for (let i = 0; i < 5; i++) {
    const issued = await issuePasscode({
      userId: user.id,
      deviceId: device.id,
      flowExecutionId: newFlowId(),
      purpose: "sign-in",
      destination: device.target!,
    });
    const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
    assert.match(issued.code, /^\d{6}$/);
    assert.notEqual(row.codeHash, issued.code);
    assert.ok(!row.codeHash.includes(issued.code), "hash contains the code");
    assert.equal(row.codeHash, hashPasscode(issued.code));
    // A plain SHA-256 would let anyone holding the table try all million codes.
    const { createHash } = await import("node:crypto");
    assert.notEqual(row.codeHash, createHash("sha256").update(issued.code).digest("base64url"));
    assert.notEqual(row.codeHash, createHash("sha256").update(issued.code).digest("hex"));
    const serialized = JSON.stringify(row);
    assert.ok(!serialized.includes(`"${issued.code}"`), "the code appears in the row");
  }
});

test("a code is bound to its user, flow, purpose and device, and expires within 10 minutes", async () => {
  const user = await createTestUser();
  const device = await createTestDevice(user.id);
  const flowExecutionId = newFlowId();
  const now = new Date("2030-01-01T12:00:00Z");
  const issued = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "enrolment", destination: device.target!, now });
  const row = await db.passcode.findUniqueOrThrow({ where: { id: issued.passcodeId } });
  assert.equal(row.userId, user.id);
  assert.equal(row.deviceId, device.id);
  assert.equal(row.flowExecutionId, flowExecutionId);
  assert.equal(row.purpose, "enrolment");
  assert.equal(row.expiresAt.getTime(), now.getTime() + 10 * 60_000);
  assert.deepEqual(issued.expiresAt, row.expiresAt);
});

test("sending a new code for the same flow and purpose retires the earlier one", async () => {
  const user = await createTestUser();
  const device = await createTestDevice(user.id);
  const flowExecutionId = newFlowId();
  const first = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", destination: device.target! });
  const otherPurpose = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "step-up", destination: device.target! });
  const second = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", destination: device.target! });
  const rows = await db.passcode.findMany({ where: { id: { in: [first.passcodeId, second.passcodeId, otherPurpose.passcodeId] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.ok(byId.get(first.passcodeId)!.expiresAt <= new Date(), "the earlier code still lives");
  assert.ok(byId.get(second.passcodeId)!.expiresAt > new Date());
  assert.ok(byId.get(otherPurpose.passcodeId)!.expiresAt > new Date(), "a code for another purpose was retired");
});

test("sends are limited per account per hour, and the message says when to try again", async () => {
  const user = await createTestUser();
  const policy = { sendLimitPerHour: 3 };
  for (let i = 0; i < 3; i++) {
    await issuePasscode({ userId: user.id, flowExecutionId: newFlowId(), purpose: "sign-in", destination: uniquePhone(), policy });
  }
  await assert.rejects(
    issuePasscode({ userId: user.id, flowExecutionId: newFlowId(), purpose: "sign-in", destination: uniquePhone(), policy }),
    (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED" && /Try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(e.message),
  );
  const other = await createTestUser();
  await issuePasscode({ userId: other.id, flowExecutionId: newFlowId(), purpose: "sign-in", destination: uniquePhone(), policy });
});

test("sends are limited per destination across accounts", async () => {
  const destination = uniquePhone();
  const policy = { sendLimitPerHour: 2 };
  for (let i = 0; i < 2; i++) {
    const user = await createTestUser();
    await issuePasscode({ userId: user.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination, policy });
  }
  const third = await createTestUser();
  await assert.rejects(
    issuePasscode({ userId: third.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination: ` ${destination.toUpperCase()} `, policy }),
    (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED",
  );
  await issuePasscode({ userId: third.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination: uniquePhone(), policy });
});

test("parallel sends cannot overshoot the limit", async () => {
  const user = await createTestUser();
  const policy = { sendLimitPerHour: 4 };
  const results = await Promise.allSettled(
    Array.from({ length: 12 }, () => issuePasscode({ userId: user.id, flowExecutionId: newFlowId(), purpose: "sign-in", destination: uniquePhone(), policy })),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 4);
});

test("no code is sent to a device of another user, a blocked device or a locked one", async () => {
  const user = await createTestUser();
  const stranger = await createTestUser();
  const foreign = await createTestDevice(stranger.id);
  const send = (deviceId: string) =>
    issuePasscode({ userId: user.id, deviceId, flowExecutionId: newFlowId(), purpose: "sign-in", destination: uniquePhone() });
  await assert.rejects(send(foreign.id), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  const blocked = await createTestDevice(user.id);
  await db.device.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
  await assert.rejects(send(blocked.id), (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN");
  const locked = await createTestDevice(user.id);
  await db.device.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
  await assert.rejects(send(locked.id), (e: unknown) => e instanceof AppError && e.code === "LOCKED");
  const totp = await createTestDevice(user.id, "TOTP");
  await db.device.update({ where: { id: totp.id }, data: { type: "PLATFORM" } });
  await assert.rejects(send(totp.id), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  assert.equal(await db.passcode.count({ where: { userId: user.id } }), 0);
});

