import { test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { databaseUrl } from "@/lib/database/database-url";
import { createPrismaClient } from "@/lib/database/create-client";
import { serializeOn } from "@/lib/database/serialize-on";
import { sqlStatementCount } from "@/lib/database/statement-log";
import { isDatabaseUnavailable, SERVICE_BUSY_MESSAGE } from "@/lib/database/unavailable";
import { failure } from "@/lib/actions/action-result";

// Against the real PostgreSQL database scripts/unit-tests.sh prepares, with a second real connection
// (another instance, a migration, an administrator's psql) holding locks. Runs on PostgreSQL only.
const email = (label: string) => `${label}-${process.hrtime.bigint()}@postgresql.test`;

async function otherConnection() {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  return client;
}

test("a row lock held past the busy timeout is reported as retryable, and the next write works", async () => {
  const db = createPrismaClient({ busyTimeoutMs: 200 });
  const holder = await otherConnection();
  try {
    const user = await db.user.create({ data: { email: email("locked") } });
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [user.id]);
    const plainWrite = await db.user.update({ where: { id: user.id }, data: { name: "during" } }).catch((error: unknown) => error);
    const transaction = await db
      .$transaction(async (tx) => tx.user.update({ where: { id: user.id }, data: { name: "during-tx" } }))
      .catch((error: unknown) => error);
    await holder.query("COMMIT");
    for (const error of [plainWrite, transaction]) {
      assert.ok(error instanceof Error, "the write should have failed while the row was locked");
      assert.ok(isDatabaseUnavailable(error), `not recognised as busy: ${String(error)}`);
      assert.equal(failure(error).message, SERVICE_BUSY_MESSAGE);
    }
    // Nothing of the refused writes happened, and the next one works at once.
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name, null);
    await db.user.update({ where: { id: user.id }, data: { name: "after" } });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name, "after");
  } finally {
    await holder.end();
    await db.$disconnect();
  }
});

test("serializeOn: a second transaction on the same key waits until the first has committed, and then sees its write", async () => {
  const db = createPrismaClient();
  try {
    const user = await db.user.create({ data: { email: email("turns") } });
    const key = `user:${user.id}`;
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHasLock!: () => void;
    const firstLocked = new Promise<void>((resolve) => (firstHasLock = resolve));

    const first = db.$transaction(async (tx) => {
      await serializeOn(tx, key);
      firstHasLock();
      await tx.user.update({ where: { id: user.id }, data: { failedMfaAttempts: { increment: 1 } } });
      await firstMayCommit;
      events.push("first commits");
    });
    await firstLocked;
    const second = db.$transaction(async (tx) => {
      await serializeOn(tx, key);
      events.push("second has the lock");
      return (await tx.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts;
    });
    // The second is now waiting on the lock; a transaction on another key is not.
    await db.$transaction(async (tx) => serializeOn(tx, `user:someone-else-${user.id}`));
    events.push("other key done");
    releaseFirst();
    await first;
    const seen = await second;
    assert.deepEqual(events, ["other key done", "first commits", "second has the lock"]);
    assert.equal(seen, 1, "after the wait, the second reads what the first committed");
  } finally {
    await db.$disconnect();
  }
});

test("the catalog's own column types are read (migrate deploy needs them), and every statement is counted", async () => {
  const db = createPrismaClient();
  try {
    const before = sqlStatementCount();
    const rows = await db.$queryRaw<{ relname: string; relkind: string }[]>`
      SELECT c.relname, c.relkind FROM pg_class c WHERE c.relname = 'User'`;
    assert.deepEqual(rows, [{ relname: "User", relkind: "r" }]);
    await db.user.count();
    assert.equal(sqlStatementCount() - before, 2);
  } finally {
    await db.$disconnect();
  }
});
