/**
 * Checks the query plan of every distinct statement in a query log (DATABASE_QUERY_LOG=<file>, see
 * lib/database/sqlite-adapter.ts) against a migrated database, and lists those that scan a whole table.
 *
 *   DATABASE_QUERY_LOG=/tmp/sql.log npm run test:unit      # or run the app, or the e2e suite
 *   DATABASE_URL=file:./prisma/unit-test.db npx tsx scripts/explain-queries.ts /tmp/sql.log
 *
 * Exits 1 when any statement does a full table scan.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { databasePath, databaseUrl } from "@/lib/database/database-url";
import { appTables, fullScans, isPlannable, queryPlan } from "@/lib/database/query-plan";

const logFile = process.argv[2];
if (!logFile) {
  console.error("usage: tsx scripts/explain-queries.ts QUERY_LOG_FILE");
  process.exit(2);
}
const counts = new Map<string, number>();
for (const line of readFileSync(logFile, "utf8").split("\n")) {
  const sql = line.trim();
  if (sql && isPlannable(sql)) counts.set(sql, (counts.get(sql) ?? 0) + 1);
}
const connection = new Database(databasePath(databaseUrl()), { readonly: true });
const tables = appTables(connection);
let scanning = 0;
for (const [sql, count] of [...counts].sort((a, b) => b[1] - a[1])) {
  const scans = fullScans(queryPlan(connection, sql), tables, sql);
  if (scans.length === 0) continue;
  scanning++;
  console.log(`${count}× ${sql}\n   ${scans.join("\n   ")}\n`);
}
console.log(`${counts.size} distinct statements, ${scanning} with a full table scan`);
process.exit(scanning === 0 ? 0 : 1);
