/**
 * Where the database is and how long a statement waits for another process's write lock. Shared by
 * prisma.config.ts (the CLI), lib/db.ts, the seed and the tests, so they can never disagree.
 * No "server-only": the Prisma CLI and plain scripts load this file too.
 */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * An embedded SQLite file (`file:` URL). libSQL servers are no longer supported: several app instances
 * on one database will come with PostgreSQL (issue 9), not with a networked SQLite.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL (an embedded SQLite file), not ${url.split(":")[0]}:`);
  }
  return url;
}

/** The database file's path, relative to the working directory like the URL's. */
export function databasePath(url = databaseUrl()): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * DATABASE_BUSY_TIMEOUT_MS: how long a write waits for another process (the seed, a backup, `sqlite3`)
 * to release SQLite's write lock before the request is answered "busy, try again". The wait blocks
 * this process (better-sqlite3 is synchronous), so keep it a few seconds at most.
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
