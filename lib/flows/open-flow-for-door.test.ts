import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { createSession } from "@/lib/auth/sessions";
import { captureSql } from "@/lib/database/query-plan";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { listeningForChanges } from "@/lib/settings/settings-store";
import type { Caller } from "@/lib/flows/flow-executions";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { warmPolicyCache } from "@/lib/policy/test-fixtures";

const writes = (statements: string[]) => statements.filter((sql) => !/^\s*SELECT/i.test(sql));

/** What /devices costs the database: the page view resumes its flow instead of making one per view. */
test("reopening /devices resumes the open flow: no new row, no write, and three reads", async () => {
  const user = await createTestUser();
  await db.user.update({ where: { id: user.id }, data: { mfaEnabled: true } });
  const sms = await createTestDevice(user.id, "SMS");
  await db.device.update({ where: { id: sms.id }, data: { isDefault: true } });
  await createTestDevice(user.id, "EMAIL");
  const session = await createSession({ userId: user.id, methods: ["pwd", "otp"], meta: {} });
  const caller: Caller = { meta: {}, session: { id: session.id, familyId: session.familyId } };
  const open = () => openFlowForDoor({ kind: "device-management", userId: user.id, door: "portal", input: {}, caller });

  const first = await open();
  assert.equal(first.flow.view.section, "DISPLAY_USER_DEVICES");
  // The summaries keep their types and order through the raw read: default first, then oldest first.
  const listed = first.flow.view.data.devices as { type: string; isDefault: boolean; createdAt: Date; maskedTarget: string | null }[];
  assert.deepEqual(listed.map((d) => [d.type, d.isDefault]), [["SMS", true], ["EMAIL", false]]);
  assert.ok(listed.every((d) => d.createdAt instanceof Date && d.maskedTarget && !d.maskedTarget.startsWith("+1555")));
  const rowsAfterFirst = await db.flowExecution.count({ where: { userId: user.id } });
  const before = await db.flowExecution.findUniqueOrThrow({ where: { id: first.flow.id } });
  // The feature flags (lib/branding) are a cached setting: cached for good once this process hears
  // other instances' saves (on PostgreSQL, once its listening connection is up), and read once more then.
  await listeningForChanges();
  await open();

  // The policy (what "can add" checks) is a setting every instance keeps in memory: no read once warm.
  await warmPolicyCache();
  for (let view = 0; view < 3; view++) {
    const { result, statements } = await captureSql(open);
    assert.equal(result.flow.id, first.flow.id, "a view must resume the open flow");
    assert.equal(result.flow.view.section, "DISPLAY_USER_DEVICES");
    assert.equal((result.flow.view.data.devices as unknown[]).length, 2);
    assert.deepEqual(writes(statements), [], "a page view must not write");
    // The open flow (one read, shown as read), the devices (one read for the list and for "can add"),
    // and the recovery codes left (one read, issue 14).
    assert.equal(statements.length, 3, `expected three reads, got:\n${statements.join("\n")}`);
  }
  assert.equal(await db.flowExecution.count({ where: { userId: user.id } }), rowsAfterFirst);
  const after = await db.flowExecution.findUniqueOrThrow({ where: { id: first.flow.id } });
  assert.equal(after.updatedAt.getTime(), before.updatedAt.getTime(), "viewing must not touch the flow row");
});
