import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/database-url";
import { applySqlitePragmas } from "@/lib/sqlite-pragmas";

function createClient() {
  const adapter = new PrismaLibSQL({
    url: databaseUrl(),
    authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
  });
  const client = new PrismaClient({ adapter });
  // Queued before any other query on the adapter's single connection.
  void applySqlitePragmas(client, databaseUrl()).catch((error) => console.error("SQLite settings not applied", error));
  return client;
}

// One client per process; in development Next reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { db?: ReturnType<typeof createClient> };

export const db = globalForDb.db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;

export type Db = typeof db;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
