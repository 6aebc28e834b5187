import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { databasePath, databaseUrl } from "@/lib/database/database-url";
import { appTables, captureSql, fullScans, queryPlan } from "@/lib/database/query-plan";
import { createTestUser } from "@/lib/otp/test-fixtures";
import { encodeAuditCursor, searchAuditEvents } from "@/lib/audit/search-audit-events";
import type { AuditFilters } from "@/lib/validations/audit";

/**
 * The admin audit log reads the biggest table there is. Every filter, on the first page and past a
 * cursor either way, must find its rows through an index that also gives the newest-first order:
 * no statement may read the whole table or sort it (one "SCAN" of the table in an index's order under
 * a LIMIT is the newest page, which stops after a page of rows).
 */
test("every filter of the audit log reads through an index in order", async () => {
  const user = await createTestUser();
  const cursor = { createdAt: new Date("2041-01-01T00:00:00Z"), id: "cplan" };
  const cases: { filters: AuditFilters; index: RegExp }[] = [
    { filters: {}, index: /AuditEvent_createdAt_id_idx/ },
    { filters: { from: "2041-01-01", to: "2041-01-31" }, index: /AuditEvent_createdAt_id_idx/ },
    { filters: { user: user.email }, index: /AuditEvent_userId_createdAt_id_idx/ },
    { filters: { user: user.id, from: "2041-01-01" }, index: /AuditEvent_userId_createdAt_id_idx/ },
    { filters: { action: "device.locked" }, index: /AuditEvent_action_createdAt_id_idx/ },
    { filters: { actor: user.email }, index: /AuditEvent_actorId_createdAt_id_idx[\s\S]*AuditEvent_applicationId_createdAt_id_idx/ },
  ];
  const { statements } = await captureSql(async () => {
    for (const { filters } of cases) {
      await searchAuditEvents({ filters });
      await searchAuditEvents({ filters, cursor: encodeAuditCursor("older", cursor) });
      await searchAuditEvents({ filters, cursor: encodeAuditCursor("newer", cursor) });
    }
  });
  assert.equal(statements.length, cases.length * 3);

  const connection = new Database(databasePath(databaseUrl()), { readonly: true });
  try {
    const tables = appTables(connection);
    for (const [i, sql] of statements.entries()) {
      const { index, filters } = cases[Math.floor(i / 3)]!;
      const plan = queryPlan(connection, sql);
      const detail = plan.map((row) => row.detail).join("\n");
      assert.deepEqual(fullScans(plan, tables, sql), [], `${JSON.stringify(filters)}:\n${detail}`);
      assert.match(detail, index, `${JSON.stringify(filters)}:\n${detail}`);
      // The actor may be a person or an application: two index ranges, merged and then sorted. Every
      // other filter reads in the index's order.
      if (!filters.actor) assert.doesNotMatch(detail, /TEMP B-TREE/, `${JSON.stringify(filters)}:\n${detail}`);
    }
  } finally {
    connection.close();
  }
});
