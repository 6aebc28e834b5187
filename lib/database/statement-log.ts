/**
 * Every statement this process sends to the database, whichever it is: counted, and handed to whoever
 * listens (the query log, tests that count what a request costs or check its query plans).
 * No "server-only": the Prisma CLI loads the adapters, and with them this file.
 */
import { appendFileSync } from "node:fs";

/**
 * Everything that wants to see the SQL this process sends: the query log, and tests that count the
 * statements a request costs or check their query plans. Empty in normal running, so it costs a size check.
 */
export const queryListeners = new Set<(sql: string) => void>();

/**
 * The query log: DATABASE_QUERY_LOG=1 prints each statement to stderr, any other value appends it to
 * that file. The SQL as prepared, with placeholders for values, so it can be counted, deduplicated and
 * explained (scripts/explain-queries.ts) without ever writing a passcode hash or an address to the log.
 */
const queryLogTarget = process.env.DATABASE_QUERY_LOG;
if (queryLogTarget) {
  queryListeners.add(
    queryLogTarget === "1"
      ? (sql) => console.error(`[sql] ${sql}`)
      : (sql) => appendFileSync(queryLogTarget, `${sql.replace(/\s+/g, " ")}\n`),
  );
}

/**
 * Every statement (BEGIN and COMMIT included) is counted, so tests and the dev endpoint
 * /api/dev/sql-statements can measure what one request costs (issue 8: "a handful of statements per
 * step"). One integer increment per statement; kept on globalThis because Next may load this module
 * once per server bundle.
 */
const statements = ((globalThis as { __sqlStatements?: { count: number } }).__sqlStatements ??= { count: 0 });

export function announce(sql: string) {
  statements.count++;
  if (queryListeners.size === 0) return;
  for (const listener of queryListeners) listener(sql);
}

/** How many statements this process has sent so far. */
export function sqlStatementCount(): number {
  return statements.count;
}
