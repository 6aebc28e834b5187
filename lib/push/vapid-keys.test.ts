import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultVapidSubject } from "@/lib/config";
import { createPrismaClient } from "@/lib/database/create-client";
import { db } from "@/lib/db";
import { getVapidKeys, getVapidPublicKey, loadVapidKeys } from "@/lib/push/vapid-keys";

// Runs in its own process (node --test), so no other test's cached key pair sees the row go.

test("instances starting at once end with one key pair, the one every instance then uses", async () => {
  // Each client is its own connection (pool), as separate app instances would be.
  const instances = Array.from({ length: 4 }, () => createPrismaClient());
  try {
    for (let round = 0; round < 5; round++) {
      await db.vapidKeys.deleteMany({});
      const pairs = await Promise.all([db, ...instances, ...instances].map((client) => loadVapidKeys({ client })));
      const stored = await db.vapidKeys.findMany();
      assert.equal(stored.length, 1, `round ${round}`);
      for (const pair of pairs) assert.deepEqual(pair, { publicKey: stored[0]!.publicKey, privateKey: stored[0]!.privateKey });
    }
  } finally {
    await Promise.all(instances.map((client) => client.$disconnect()));
  }
});

test("a key pair, once stored, is kept: later uses read it and never replace it", async () => {
  const first = await loadVapidKeys();
  const again = await loadVapidKeys();
  assert.deepEqual(again, first);
  assert.deepEqual(await getVapidKeys(), first);
  assert.equal(await getVapidPublicKey(), first.publicKey);
  assert.equal(Buffer.from(first.publicKey, "base64url").length, 65);
  assert.equal(Buffer.from(first.privateKey, "base64url").length, 32);
  assert.equal(await db.vapidKeys.count(), 1);
});

test("the VAPID subject defaults to EMAIL_FROM's address, else an https APP_URL", () => {
  assert.equal(defaultVapidSubject("Acme Accounts <no-reply@localhost>", "http://localhost:3000"), "mailto:no-reply@localhost");
  assert.equal(defaultVapidSubject("security@acme.example", "http://localhost:3000"), "mailto:security@acme.example");
  assert.equal(defaultVapidSubject("Acme", "https://accounts.acme.example/portal"), "https://accounts.acme.example");
  assert.equal(defaultVapidSubject("Acme", "http://localhost:3000"), "mailto:no-reply@localhost");
});
