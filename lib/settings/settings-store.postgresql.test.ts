import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { listeningForChanges, readSetting } from "@/lib/settings/settings-store";

// Several instances share one PostgreSQL database; each caches settings and hears the others' saves.
const parse = (raw: unknown) => z.object({ length: z.number().int().min(6).max(10) }).parse(raw);
const key = () => `test:${randomUUID()}`;

test("another instance's save reaches this one's cache through NOTIFY", async () => {
  const k = key();
  await readSetting(k, parse, () => ({ length: 6 }));
  assert.equal(await listeningForChanges(), true);
  await readSetting(k, parse, () => ({ length: 6 }));
  // Another instance saves: the row and the notification, in one transaction, without this process's forgetSetting.
  await db.$transaction(async (tx) => {
    await tx.setting.update({ where: { key: k }, data: { value: JSON.stringify({ length: 10 }) } });
    await tx.$executeRaw`SELECT pg_notify('settings_changed', ${k})`;
  });
  let seen = 0;
  for (let i = 0; i < 100 && seen !== 10; i++) {
    seen = (await readSetting(k, parse, () => ({ length: 6 }))).length;
    if (seen !== 10) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(seen, 10);
});
