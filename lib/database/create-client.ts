/**
 * A Prisma client on the database DATABASE_URL names: the SQLite file through the shared adapter
 * (./sqlite-adapter.ts), or PostgreSQL through ./postgresql-adapter.ts. The app holds one (lib/db.ts);
 * the seed, the tests and the benchmark make their own with this.
 *
 * Both clients are generated from the same model (prisma/schema.prisma, and the PostgreSQL schema
 * derived from it at install), so they have the same models, fields and methods; the app is typed
 * against the SQLite one and uses only what both databases do.
 */
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "../generated/prisma-postgresql/client";
import { databaseBusyTimeoutMs, databaseKind, databaseUrl } from "./database-url";
import { postgresqlAdapterFactory } from "./postgresql-adapter";
import { sqliteAdapterFactory } from "./sqlite-adapter";

export type ClientOptions = { url?: string; busyTimeoutMs?: number; poolSize?: number };

export function createPrismaClient(options: ClientOptions = {}): PrismaClient {
  const url = options.url ?? databaseUrl();
  const busyTimeoutMs = options.busyTimeoutMs ?? databaseBusyTimeoutMs();
  if (databaseKind(url) === "postgresql") {
    return new PostgresqlPrismaClient({
      adapter: postgresqlAdapterFactory({ url, busyTimeoutMs, ...(options.poolSize ? { poolSize: options.poolSize } : {}) }),
      // Waiting for a pooled connection, then for row locks (lock_timeout) inside the transaction.
      transactionOptions: { maxWait: busyTimeoutMs + 5000, timeout: busyTimeoutMs + 5000 },
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({
    adapter: sqliteAdapterFactory({ url, busyTimeoutMs }),
    // Starting a transaction may wait for other requests' transactions in this process and then for
    // another process's write lock (the busy timeout); Prisma's default two seconds would give up
    // on a start that SQLite is still willing to wait for.
    transactionOptions: { maxWait: busyTimeoutMs + 5000 },
  });
}
