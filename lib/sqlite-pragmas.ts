/**
 * Settings for an embedded SQLite file shared by several processes (the app, the seed, tests): WAL so
 * readers never wait for the writer, and a busy timeout so a writer waits its turn instead of failing.
 * Ignored for libsql:// servers, which manage this themselves.
 */
export async function applySqlitePragmas(client: { $queryRawUnsafe: (sql: string) => Promise<unknown> }, url: string) {
  if (!url.startsWith("file:")) return;
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
