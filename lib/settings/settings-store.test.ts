import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { forgetSetting, listeningForChanges, readSetting, writeSetting } from "@/lib/settings/settings-store";

const schema = z.object({ length: z.number().int().min(6).max(10) });
const parse = (raw: unknown) => schema.parse(raw);
const key = () => `test:${randomUUID()}`;

test("the first read stores the environment's values, so the console has a row to edit", async () => {
  const k = key();
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 6 });
  const row = await db.setting.findUniqueOrThrow({ where: { key: k } });
  assert.deepEqual(JSON.parse(row.value), { length: 6 });
  assert.equal(row.updatedById, null);
});

test("a save is read back at once", async () => {
  const k = key();
  await readSetting(k, parse, () => ({ length: 6 }));
  await db.$transaction((tx) => writeSetting(tx, k, { length: 8 }, null));
  forgetSetting(k);
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 8 });
});

test("a warm read costs no statement", async () => {
  // On PostgreSQL nothing is cached until the listening connection is up. The key is never saved
  // through writeSetting, so no notification of ours can arrive late and (rightly) forget it.
  assert.equal(await listeningForChanges(), true);
  const k = key();
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 6 });
  // The row is changed behind the store's back, and the cached value is still answered.
  await db.setting.update({ where: { key: k }, data: { value: JSON.stringify({ length: 9 }) } });
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 6 });
});

test("a forgotten key is read again, and forgetting one key leaves the others cached", async () => {
  assert.equal(await listeningForChanges(), true);
  const [a, b] = [key(), key()];
  await readSetting(a, parse, () => ({ length: 6 }));
  await readSetting(b, parse, () => ({ length: 6 }));
  await db.setting.updateMany({ where: { key: { in: [a, b] } }, data: { value: JSON.stringify({ length: 7 }) } });
  forgetSetting(a);
  assert.deepEqual(await readSetting(a, parse, () => ({ length: 6 })), { length: 7 });
  assert.deepEqual(await readSetting(b, parse, () => ({ length: 6 })), { length: 6 });
});

test("a stored value that no longer parses gives the environment's values instead of failing", async () => {
  const k = key();
  await db.setting.create({ data: { key: k, value: JSON.stringify({ length: 50 }) } });
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 7 })), { length: 7 });
  await db.setting.update({ where: { key: k }, data: { value: "not json" } });
  forgetSetting(k);
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 7 })), { length: 7 });
});
