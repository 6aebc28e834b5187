// SQLite's query plan for the per-destination send count; the unit-test runner runs *.sqlite.test.ts
// files on the SQLite database only (PostgreSQL plans are read with EXPLAIN, not EXPLAIN QUERY PLAN).
import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors/app-error";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { createTestUser, newFlowId, uniquePhone } from "@/lib/otp/test-fixtures";

test("the per-destination count reads its index: the same answer with 100,000 unrelated audit rows, and no scan", async () => {
  const { default: Database } = await import("better-sqlite3");
  const { databasePath, databaseUrl } = await import("@/lib/database/database-url");
  const { appTables, captureSql, fullScans, queryPlan } = await import("@/lib/database/query-plan");
  const { destinationKey } = await import("@/lib/otp/keyed-hash");
  const file = new Database(databasePath(databaseUrl()));
  const prefix = `unrelated-${Date.now()}-`;
  try {
    // Recent sends to other numbers and other recent events: everything the old LIKE had to read.
    const insert = file.prepare(`INSERT INTO "AuditEvent" ("id", "action", "details", "destination", "createdAt") VALUES (?, ?, ?, ?, ?)`);
    const recent = new Date().toISOString().replace("Z", "+00:00");
    file.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const other = destinationKey(`+1555000${i}`);
        if (i % 2) insert.run(`${prefix}${i}`, "otp.sent", JSON.stringify({ purpose: "sign-in", flowExecutionId: "f" }), other, recent);
        else insert.run(`${prefix}${i}`, "user.signed_in", JSON.stringify({ method: "pwd" }), null, recent);
      }
    })();

    const destination = uniquePhone();
    const policy = { sendLimitPerHour: 2 };
    for (let i = 0; i < 2; i++) {
      const user = await createTestUser();
      await issuePasscode({ userId: user.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination, policy });
    }
    const third = await createTestUser();
    const { result, statements } = await captureSql(() =>
      issuePasscode({ userId: third.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination, policy }).catch((error: unknown) => error),
    );
    assert.ok(result instanceof AppError && result.code === "RATE_LIMITED", "the third send to one destination should be refused");
    await issuePasscode({ userId: third.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination: uniquePhone(), policy });

    const count = statements.find((sql) => /FROM `main`.`AuditEvent`/.test(sql) && /`destination`/.test(sql));
    assert.ok(count, `no per-destination count among:\n${statements.join("\n")}`);
    assert.ok(!/LIKE/i.test(count), "the count must not match the JSON details");
    const plan = queryPlan(file, count);
    const details = plan.map((row) => row.detail).join("\n");
    assert.match(details, /USING (COVERING )?INDEX AuditEvent_destination_createdAt_idx/);
    assert.deepEqual(fullScans(plan, appTables(file), count), []);
  } finally {
    file.prepare(`DELETE FROM "AuditEvent" WHERE "id" LIKE ?`).run(`${prefix}%`);
    file.close();
  }
});
