/**
 * A Prisma client on the SQLite file through the shared adapter (lib/database/sqlite-adapter.ts).
 * The app holds one (lib/db.ts); the seed, the tests and the benchmark make their own with this.
 */
import { PrismaClient } from "../generated/prisma/client";
import { databaseBusyTimeoutMs } from "./database-url";
import { sqliteAdapterFactory, type SqliteAdapterOptions } from "./sqlite-adapter";

export function createPrismaClient(options: SqliteAdapterOptions = {}) {
  const busyTimeoutMs = options.busyTimeoutMs ?? databaseBusyTimeoutMs();
  return new PrismaClient({
    adapter: sqliteAdapterFactory({ ...options, busyTimeoutMs }),
    // Starting a transaction may wait for other requests' transactions in this process and then for
    // another process's write lock (the busy timeout); Prisma's default two seconds would give up
    // on a start that SQLite is still willing to wait for.
    transactionOptions: { maxWait: busyTimeoutMs + 5000 },
  });
}
