/**
 * The database the app, the CLI and the seed use. An embedded SQLite file by default; any URL that
 * `@libsql/client` opens works too (`libsql://…` for a libSQL server or Turso, with DATABASE_AUTH_TOKEN).
 * Shared by prisma.config.ts and lib/db.ts so the CLI and the app can never disagree.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./prisma/dev.db";
}
