// SQLite's query plans for the admin user list (lib/admin/search-users.ts); the unit-test runner runs
// *.sqlite.test.ts files on the SQLite database only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { searchUsers } from "@/lib/admin/search-users";
import { USER_SORTS, userSearchSchema } from "@/lib/validations/admin-users";

test("every sort of the user list walks its index: no sort of the whole table, no scan without a limit", async () => {
  const { default: Database } = await import("better-sqlite3");
  const { databasePath, databaseUrl } = await import("@/lib/database/database-url");
  const { appTables, captureSql, fullScans, queryPlan } = await import("@/lib/database/query-plan");
  const file = new Database(databasePath(databaseUrl()), { readonly: true });
  try {
    const tables = appTables(file);
    for (const sort of USER_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        for (const q of ["", "amy"]) {
          // A second page, so the cursor's condition is in the plan too.
          const first = await searchUsers(userSearchSchema.parse({ q, sort, dir }), 1);
          const cursor = first.nextCursor ?? undefined;
          const { statements } = await captureSql(() => searchUsers(userSearchSchema.parse({ q, sort, dir, cursor }), 1));
          assert.equal(statements.length, 1, `one statement per page (${sort} ${dir} "${q}")`);
          const plan = queryPlan(file, statements[0]!);
          const details = plan.map((row) => row.detail).join("\n");
          assert.doesNotMatch(details, /USE TEMP B-TREE FOR ORDER BY/, `${sort} ${dir} "${q}" sorts the table:\n${details}`);
          assert.match(details, /User_(email_key|name_id_idx|createdAt_id_idx|lastSignInAt_id_idx)/, `${sort} ${dir} "${q}":\n${details}`);
          assert.deepEqual(fullScans(plan, tables, statements[0]), [], `${sort} ${dir} "${q}":\n${details}`);
          // Each row's device count and phone match look the user's devices up by index.
          assert.match(details, /SEARCH (main\.)?Device USING (COVERING )?INDEX Device_userId_idx|SEARCH d USING INDEX Device_userId_idx/, details);
        }
      }
    }
  } finally {
    file.close();
  }
});
