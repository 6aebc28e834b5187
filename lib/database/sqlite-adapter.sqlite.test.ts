import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { databasePath, databaseUrl } from "@/lib/database/database-url";
import { createPrismaClient } from "@/lib/database/create-client";
import { sqliteAdapterFactory } from "@/lib/database/sqlite-adapter";
import { isDatabaseUnavailable, SERVICE_BUSY_MESSAGE } from "@/lib/database/unavailable";
import { failure } from "@/lib/actions/action-result";

// Against the real migrated file scripts/unit-tests.sh prepares, with a second real connection (or
// process) holding SQLite's write lock.
const file = databasePath(databaseUrl());
const email = (label: string) => `${label}-${process.hrtime.bigint()}@sqlite.test`;

test("a write lock held past the busy timeout is reported as retryable, and the next write works", async () => {
  const db = createPrismaClient({ busyTimeoutMs: 200 });
  try {
    await db.user.create({ data: { email: email("before") } });
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    holder.prepare(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES (?, ?, ?)`).run(`held-${Date.now()}`, email("holder"), new Date().toISOString());
    let plainWrite: unknown;
    let transaction: unknown;
    try {
      plainWrite = await db.user.create({ data: { email: email("during") } }).catch((error: unknown) => error);
      transaction = await db.$transaction(async (tx) => tx.user.create({ data: { email: email("during-tx") } })).catch((error: unknown) => error);
    } finally {
      holder.exec("COMMIT");
      holder.close();
    }
    for (const error of [plainWrite, transaction]) {
      assert.ok(error instanceof Error, "the write should have failed while the lock was held");
      assert.ok(isDatabaseUnavailable(error), `not recognised as busy: ${String(error)}`);
      assert.equal(failure(error).message, SERVICE_BUSY_MESSAGE);
    }

    // The process recovers by itself: no connection is left inside a transaction or holding the lock.
    const after = await db.user.create({ data: { email: email("after") } });
    const inTx = await db.$transaction(async (tx) => tx.user.update({ where: { id: after.id }, data: { name: "after" } }));
    assert.equal(inTx.name, "after");
    // And another process can write again, so this one kept no lock either.
    const other = new Database(file, { timeout: 0 });
    other.prepare(`UPDATE "User" SET "name" = 'other' WHERE "id" = ?`).run(after.id);
    other.close();
  } finally {
    await db.$disconnect();
  }
});

test("a write lock released within the busy timeout is waited for, not reported", async () => {
  const db = createPrismaClient({ busyTimeoutMs: 5000 });
  try {
    await db.user.count();
    const holder = spawn(process.execPath, ["scripts/hold-write-lock.mjs", file, "400"], { stdio: ["ignore", "pipe", "inherit"] });
    const lines = createInterface({ input: holder.stdout! });
    const [first] = (await once(lines, "line")) as [string];
    assert.equal(first, "locked");
    const started = Date.now();
    const user = await db.$transaction(async (tx) => tx.user.create({ data: { email: email("waited") } }));
    assert.ok(Date.now() - started >= 200, "the write should have waited for the other process's lock");
    assert.ok(user.id);
    await once(holder, "exit");
  } finally {
    await db.$disconnect();
  }
});

test("another request's statement waits for an open transaction instead of running inside it", async () => {
  const adapter = await sqliteAdapterFactory().connect();
  const insert = (address: string) => ({
    sql: `INSERT INTO "User" ("id", "email", "updatedAt") VALUES (?, ?, ?)`,
    args: [address, address, new Date().toISOString()],
    argTypes: [0, 1, 2].map(() => ({ scalarType: "string" as const, arity: "scalar" as const })),
  });
  const inTransaction = email("rolled-back");
  const outside = email("outside");
  try {
    const tx = await adapter.startTransaction();
    await tx.executeRaw(insert(inTransaction));
    // Issued while the transaction is open, as a concurrent request would.
    const pending = adapter.executeRaw(insert(outside));
    await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
    await tx.rollback();
    assert.equal(await pending, 1);
    const rows = await adapter.queryRaw({ sql: `SELECT "email" FROM "User" WHERE "email" IN (?, ?)`, args: [inTransaction, outside], argTypes: insert("").argTypes.slice(0, 2) });
    assert.deepEqual(rows.rows.map(([value]) => value), [outside]);
  } finally {
    await adapter.dispose();
  }
});

test("every connection is opened with WAL, the busy timeout and foreign keys", async () => {
  const adapter = await sqliteAdapterFactory({ busyTimeoutMs: 1234 }).connect();
  try {
    const read = async (pragma: string) => (await adapter.queryRaw({ sql: `PRAGMA ${pragma}`, args: [], argTypes: [] })).rows[0]?.[0];
    assert.equal(await read("journal_mode"), "wal");
    assert.equal(String(await read("busy_timeout")), "1234");
    assert.equal(String(await read("foreign_keys")), "1");
  } finally {
    await adapter.dispose();
  }
});
