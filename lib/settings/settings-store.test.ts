import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { forgetSetting, readSetting, writeSetting } from "@/lib/settings/settings-store";

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

test("a save is read back at once, and a warm read costs no statement", async () => {
  const k = key();
  await readSetting(k, parse, () => ({ length: 6 }));
  await db.$transaction((tx) => writeSetting(tx, k, { length: 8 }, null));
  forgetSetting(k);
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 8 });
  // Warm: the row is changed behind the store's back, and the cached value is still answered.
  await db.setting.update({ where: { key: k }, data: { value: JSON.stringify({ length: 9 }) } });
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 6 })), { length: 8 });
});

test("a stored value that no longer parses gives the environment's values instead of failing", async () => {
  const k = key();
  await db.setting.create({ data: { key: k, value: JSON.stringify({ length: 50 }) } });
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 7 })), { length: 7 });
  await db.setting.update({ where: { key: k }, data: { value: "not json" } });
  forgetSetting(k);
  assert.deepEqual(await readSetting(k, parse, () => ({ length: 7 })), { length: 7 });
});
