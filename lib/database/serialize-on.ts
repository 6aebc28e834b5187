import "server-only";
import type { Tx } from "@/lib/db";
import { databaseKind } from "@/lib/database/database-url";

/**
 * Makes transactions that read and then write the same rule take turns, on either database. Call it
 * first in the transaction, with the keys of what the rule is about ("user:<id>", "destination:<hash>").
 *
 * On SQLite there is nothing to do: every transaction begins with BEGIN IMMEDIATE and holds the
 * database's write lock throughout (lib/database/sqlite-adapter.ts). PostgreSQL runs transactions side
 * by side at READ COMMITTED, so two requests on two instances could both count four sends and both
 * send a fifth; a transaction-scoped advisory lock per key makes the second wait until the first has
 * committed, and its next statement then sees what the first wrote. Keys are taken in sorted order so
 * two transactions locking the same pair cannot deadlock. A wait past lock_timeout is "busy, try again".
 */
export async function serializeOn(tx: Tx, ...keys: string[]): Promise<void> {
  if (databaseKind() !== "postgresql") return;
  for (const key of [...new Set(keys)].sort()) {
    // executeRaw, not queryRaw: pg_advisory_xact_lock returns `void`, a column type the adapter cannot read.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}
