/**
 * Whether a statement reads a whole table: SQLite's EXPLAIN QUERY PLAN says "SCAN <table>" for a full
 * table scan and "SEARCH <table> USING [COVERING] INDEX …" for an index lookup. Used by the query-plan
 * tests and scripts/explain-queries.ts on the SQL the app sends (the query log, with `?` for values).
 * No "server-only": the script runs outside Next.
 */
import type BetterSqlite3 from "better-sqlite3";
import { queryListeners } from "./statement-log";

export type PlanRow = { id: number; parent: number; detail: string };

export function queryPlan(connection: BetterSqlite3.Database, sql: string): PlanRow[] {
  const statement = connection.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  // The plan does not depend on the values; every `?` is bound to null.
  const parameters = Array.from({ length: countParameters(sql) }, () => null);
  return statement.all(...parameters) as PlanRow[];
}

/**
 * The plan lines that read a whole table. Scanning a subquery's rows (Prisma counts through one) or a
 * constant row is not that: only a `SCAN` of one of `tables` is, even in an index's order (a GROUP BY
 * through an index still reads every row). The one exception is a top-level walk in an index's order
 * under a LIMIT with no full sort: "the newest N", which stops after N rows. Prisma names tables
 * `main`.`Table`, which the plan shows as main.Table.
 */
export function fullScans(plan: PlanRow[], tables: Iterable<string>, sql = ""): string[] {
  const real = new Set(tables);
  const limited = /\bLIMIT\b/i.test(sql) && !plan.some((row) => row.detail === "USE TEMP B-TREE FOR ORDER BY");
  return plan
    .filter((row) => {
      const scanned = /^SCAN (?:main\.)?(\S+)/.exec(row.detail)?.[1];
      if (scanned === undefined || !real.has(scanned)) return false;
      const newestFirst = limited && row.parent === 0 && /USING (COVERING )?INDEX/.test(row.detail);
      return !newestFirst;
    })
    .map((row) => row.detail);
}

/** The app's tables (not SQLite's own, not Prisma's migration log). */
export function appTables(connection: BetterSqlite3.Database): string[] {
  const rows = connection.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[];
  return rows.map((row) => row.name);
}

/** Only statements that read or change rows have a plan worth checking. */
export function isPlannable(sql: string): boolean {
  return /^\s*(SELECT|UPDATE|DELETE|INSERT|WITH)\b/i.test(sql);
}

function countParameters(sql: string): number {
  // Placeholders outside string literals; Prisma's SQL quotes identifiers with backticks.
  return sql.replace(/'(?:[^']|'')*'/g, "").split("?").length - 1;
}

/** The SQL statements `run` sends through this process's adapters, in order, and its result. */
export async function captureSql<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const listener = (sql: string) => void statements.push(sql);
  queryListeners.add(listener);
  try {
    return { result: await run(), statements };
  } finally {
    queryListeners.delete(listener);
  }
}
