/**
 * Where the database is, which kind it is, and how long a statement waits for another process's write
 * lock. Shared by prisma.config.ts (the CLI), lib/db.ts, the seed and the tests, so they can never
 * disagree. No "server-only": the Prisma CLI and plain scripts load this file too.
 */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The two databases the app runs on, chosen by the URL's scheme: an embedded SQLite file (`file:`, the
 * default, nothing to install) or PostgreSQL (`postgresql://` or `postgres://`, for several instances).
 */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  databaseKind(url);
  return url;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a file: URL (an embedded SQLite file) or a postgresql:// URL, not ${url.split(":")[0]}:`,
  );
}

/** The database file's path, relative to the working directory like the URL's (SQLite only). */
export function databasePath(url = databaseUrl()): string {
  if (databaseKind(url) !== "sqlite") throw new Error("databasePath: DATABASE_URL is not an SQLite file");
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * DATABASE_BUSY_TIMEOUT_MS: how long a write waits for another process (the seed, a backup, `sqlite3`)
 * to release SQLite's write lock before the request is answered "busy, try again". The wait blocks
 * this process (better-sqlite3 is synchronous), so keep it a few seconds at most. On PostgreSQL it
 * bounds a statement's wait for a row or table lock (`lock_timeout`) the same way.
 */
export function databaseBusyTimeoutMs(): number {
  const raw = process.env.DATABASE_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === "") return DEFAULT_BUSY_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new Error("DATABASE_BUSY_TIMEOUT_MS must be a whole number of milliseconds between 0 and 60000");
  }
  return value;
}
