import "server-only";
import { createPrismaClient } from "@/lib/database/create-client";

// One client, hence one SQLite connection, per process. Kept on globalThis in production too: Next
// may evaluate this module once per server bundle, and each copy would otherwise open its own
// connection; in development Next also reloads modules.
const globalForDb = globalThis as unknown as { db?: ReturnType<typeof createPrismaClient> };

export const db = (globalForDb.db ??= createPrismaClient());

export type Db = typeof db;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
