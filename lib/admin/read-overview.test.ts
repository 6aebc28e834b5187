import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { captureSql } from "@/lib/database/query-plan";
import { signInDetails } from "@/lib/audit/record-audit-event";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { readOverview } from "@/lib/admin/read-overview";

// A "now" years ahead, so the 30 days hold only this test's rows.
const now = new Date("2044-06-15T12:00:00.000Z");

test("sign-ins, failed second factors and lockouts per UTC day over the last 30 days, in four statements", async () => {
  const user = await createTestUser();
  const row = (action: string, at: string, details?: Record<string, unknown>) =>
    db.auditEvent.create({ data: { action, userId: user.id, createdAt: new Date(at), details: details ? JSON.stringify(details) : null } });
  // Today, the last moment of today, and the first moment of the window (29 days ago).
  await row("user.signed_in", "2044-06-15T08:00:00.000Z", signInDetails("pwd", true)); // a first factor: not yet a sign-in
  await row("user.signed_in", "2044-06-15T08:00:05.000Z", { method: "otp" }); // its second factor: the sign-in
  await row("user.signed_in", "2044-06-15T23:59:59.999Z", signInDetails("pwd", false));
  await row("user.signed_in", "2044-05-17T00:00:00.000Z");
  await row("otp.failed", "2044-06-14T10:00:00.000Z");
  await row("totp.replay_refused", "2044-06-14T10:01:00.000Z");
  await row("push.number_mismatch", "2044-06-14T10:02:00.000Z");
  await row("push.denied", "2044-06-01T00:00:00.000Z");
  await row("device.locked", "2044-06-14T10:03:00.000Z");
  await row("user.sign_in_failed", "2044-06-14T10:04:00.000Z"); // a password: not a second factor
  // Outside: the day before the window, and tomorrow.
  await row("user.signed_in", "2044-05-16T23:59:59.999Z");
  await row("otp.failed", "2044-06-16T00:00:00.000Z");

  const { result, statements } = await captureSql(() => readOverview({ now }));
  assert.equal(statements.length, 4, statements.join("\n"));
  const { days } = result;
  assert.equal(days.length, 30);
  assert.equal(days[0]!.day, "2044-05-17");
  assert.equal(days[29]!.day, "2044-06-15");
  const byDay = Object.fromEntries(days.filter((d) => d.signIns + d.failedSecondFactors + d.lockouts > 0).map((d) => [d.day, d]));
  assert.deepEqual(byDay, {
    "2044-05-17": { day: "2044-05-17", signIns: 1, failedSecondFactors: 0, lockouts: 0 },
    "2044-06-01": { day: "2044-06-01", signIns: 0, failedSecondFactors: 1, lockouts: 0 },
    "2044-06-14": { day: "2044-06-14", signIns: 0, failedSecondFactors: 3, lockouts: 1 },
    "2044-06-15": { day: "2044-06-15", signIns: 2, failedSecondFactors: 0, lockouts: 0 },
  });
});

test("MFA adoption, active devices by type and devices locked now", async () => {
  const before = await readOverview({ now });
  const withMfa = await createTestUser();
  await db.user.update({ where: { id: withMfa.id }, data: { mfaEnabled: true } });
  await createTestUser();
  await createTestDevice(withMfa.id, "SMS");
  await createTestDevice(withMfa.id, "TOTP");
  const blocked = await createTestDevice(withMfa.id, "TOTP");
  await db.device.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
  const locked = await createTestDevice(withMfa.id, "EMAIL");
  await db.device.update({ where: { id: locked.id }, data: { lockedUntil: new Date(now.getTime() + 60_000) } });

  const after = await readOverview({ now });
  assert.equal(after.users.total - before.users.total, 2);
  assert.equal(after.users.withMfa - before.users.withMfa, 1);
  const count = (o: typeof after, type: string) => o.devicesByType.find((d) => d.type === type)?.count ?? 0;
  assert.equal(count(after, "SMS") - count(before, "SMS"), 1);
  assert.equal(count(after, "TOTP") - count(before, "TOTP"), 1, "the blocked one is not active");
  assert.equal(count(after, "EMAIL") - count(before, "EMAIL"), 1);
  assert.equal(after.lockedNow - before.lockedNow, 1);
  const counts = after.devicesByType.map((d) => d.count);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), "most first");
});
