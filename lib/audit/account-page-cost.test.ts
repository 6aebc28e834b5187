import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { captureSql } from "@/lib/database/query-plan";
import { countActiveDevices } from "@/lib/devices/list-devices";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";

/** What /account reads besides the session: the active-device count and the newest ten events. */
test("the account page's data is a count and one page of events, newest first", async () => {
  const user = await createTestUser();
  await createTestDevice(user.id, "SMS");
  const blocked = await createTestDevice(user.id, "EMAIL");
  await db.device.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
  const base = Date.now() - 60_000;
  for (let i = 0; i < 12; i++) {
    await db.auditEvent.create({ data: { userId: user.id, action: "user.signed_in", ip: `10.0.0.${i}`, createdAt: new Date(base + i * 1000) } });
  }
  const { result, statements } = await captureSql(() => Promise.all([countActiveDevices({ userId: user.id }), listAuditEvents({ userId: user.id })]));
  const [active, events] = result;
  assert.equal(active, 1);
  assert.equal(events.length, 10);
  assert.deepEqual(events.map((e) => e.ip), Array.from({ length: 10 }, (_, i) => `10.0.0.${11 - i}`));
  assert.equal(statements.length, 2, statements.join("\n"));
  // A count, not the device rows: no device column is read.
  assert.match(statements.find((sql) => /Device/.test(sql))!, /COUNT\(\*\)/);
});
