import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { encodeCursor, searchUsers } from "@/lib/admin/search-users";
import { USER_SORTS, userSearchSchema, type UserSort } from "@/lib/validations/admin-users";

// Each test's users share a marker no other test's users have, and every search includes it, so the
// rows other tests leave in the database never show up here.
async function seedUsers(marker: string) {
  const base = Date.UTC(2026, 0, 1);
  const specs = [
    { local: "amy", name: "Amy Zed", lastSignIn: 3, devices: ["ACTIVE", "ACTIVE", "BLOCKED"] as const, mfa: true },
    { local: "bob", name: null, lastSignIn: null, devices: [] as const, mfa: false },
    { local: "cyd", name: "Cyd Amy", lastSignIn: 1, devices: ["ACTIVE"] as const, mfa: true },
    { local: "dee", name: null, lastSignIn: 2, devices: ["ACTIVATION_REQUIRED"] as const, mfa: false },
    { local: "eve", name: "Eve", lastSignIn: null, devices: ["BLOCKED"] as const, mfa: true },
  ];
  const users = [];
  for (const [i, spec] of specs.entries()) {
    users.push(
      await db.user.create({
        data: {
          email: `${spec.local}-${marker}@example.test`,
          name: spec.name === null ? null : `${spec.name} ${marker}`,
          mfaEnabled: spec.mfa,
          // Two users created at the same instant: the id breaks the tie.
          createdAt: new Date(base + Math.min(i, 3) * 60_000),
          lastSignInAt: spec.lastSignIn === null ? null : new Date(base + spec.lastSignIn * 3_600_000),
          devices: { create: spec.devices.map((status, n) => ({ type: "SMS" as const, status, nickname: `Phone ${n}`, target: `+1555${Math.floor(Math.random() * 1e7)}` })) },
        },
      }),
    );
  }
  return users;
}

const query = (q: string, sort: UserSort = "email", dir: "asc" | "desc" = "asc", cursor?: string) => userSearchSchema.parse({ q, sort, dir, cursor });

async function everyPage(q: string, sort: UserSort, dir: "asc" | "desc") {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await searchUsers(query(q, sort, dir, cursor), 2);
    seen.push(...page.rows.map((r) => r.email.split("-")[0]!));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

test("a partial search ignores case and finds by email, name, username or a device's phone", async () => {
  const marker = randomUUID().slice(0, 8);
  const [amy] = await seedUsers(marker);
  const byEmail = await searchUsers(query(`AMY-${marker.toUpperCase()}`));
  assert.deepEqual(byEmail.rows.map((r) => r.id), [amy!.id]);
  // "amy" is in Amy's email and in Cyd's name.
  const byName = await searchUsers(query(`amy ${marker}`));
  assert.deepEqual(byName.rows.map((r) => r.email.split("-")[0]).sort(), ["cyd"]);
  await db.user.update({ where: { id: amy!.id }, data: { username: `Amy_${marker}` } });
  assert.deepEqual((await searchUsers(query(`y_${marker}`))).rows.map((r) => r.id), [amy!.id]);
  const phone = (await db.device.findFirstOrThrow({ where: { userId: amy!.id } })).target!;
  const typed = `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5)}`;
  assert.ok((await searchUsers(query(typed))).rows.some((r) => r.id === amy!.id), `${typed} should find ${phone}`);
});

test("% and _ in a search match themselves, not any text", async () => {
  const marker = randomUUID().slice(0, 8);
  const literal = await db.user.create({ data: { email: `p-${marker}@example.test`, name: `100%_sure ${marker}` } });
  await db.user.create({ data: { email: `q-${marker}@example.test`, name: `100xysure ${marker}` } });
  const found = await searchUsers(query("0%_sure " + marker));
  assert.deepEqual(found.rows.map((r) => r.id), [literal.id]);
  assert.deepEqual((await searchUsers(query(`%${marker}`))).rows, []);
});

test("each row says MFA on or off, its active devices only, and the last sign-in", async () => {
  const marker = randomUUID().slice(0, 8);
  await seedUsers(marker);
  const { rows } = await searchUsers(query(marker));
  const by = Object.fromEntries(rows.map((r) => [r.email.split("-")[0], r]));
  assert.equal(by.amy!.activeDevices, 2, "a blocked device is not counted");
  assert.equal(by.dee!.activeDevices, 0, "an unfinished registration is not counted");
  assert.equal(by.eve!.activeDevices, 0);
  assert.equal(by.amy!.mfaEnabled, true);
  assert.equal(by.bob!.mfaEnabled, false);
  assert.equal(by.bob!.lastSignInAt, null);
  assert.equal(by.cyd!.lastSignInAt?.toISOString(), new Date(Date.UTC(2026, 0, 1) + 3_600_000).toISOString());
});

test("every sort pages through all matches exactly once, in order, nulls as the smallest", async () => {
  const marker = randomUUID().slice(0, 8);
  const users = await seedUsers(marker);
  const expected: Record<UserSort, string[]> = {
    email: ["amy", "bob", "cyd", "dee", "eve"],
    name: ["bob", "dee", "amy", "cyd", "eve"].slice(0, 2).sort((a, b) => idOf(a).localeCompare(idOf(b))).concat(["amy", "cyd", "eve"]),
    created: ["amy", "bob", "cyd"].concat(["dee", "eve"].sort((a, b) => idOf(a).localeCompare(idOf(b)))),
    lastSignIn: ["bob", "eve"].sort((a, b) => idOf(a).localeCompare(idOf(b))).concat(["cyd", "dee", "amy"]),
  };
  function idOf(local: string) {
    return users.find((u) => u.email.startsWith(`${local}-`))!.id;
  }
  for (const sort of USER_SORTS) {
    assert.deepEqual(await everyPage(marker, sort, "asc"), expected[sort], `${sort} ascending`);
    assert.deepEqual(await everyPage(marker, sort, "desc"), [...expected[sort]].reverse(), `${sort} descending`);
  }
});

test("a cursor that was edited, or belongs to another sort, is refused with a message", async () => {
  const marker = randomUUID().slice(0, 8);
  await seedUsers(marker);
  const first = await searchUsers(query(marker, "name", "asc"), 2);
  assert.ok(first.nextCursor);
  const refused = async (cursor: string, sort: UserSort = "name") => {
    const error = await searchUsers(query(marker, sort, "asc", cursor), 2).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof AppError && error.code === "VALIDATION", `${cursor} should be refused`);
    assert.match(error.message, /not valid/);
  };
  await refused("not base64 at all!");
  await refused(Buffer.from("{not json").toString("base64url"));
  await refused(Buffer.from(JSON.stringify({ s: "name", d: "asc", k: 5, i: "x" })).toString("base64url"));
  await refused(first.nextCursor, "email");
  await refused(encodeCursor({ s: "created", d: "asc", k: "yesterday", i: "x" }), "created");
  await refused(encodeCursor({ s: "email", d: "asc", k: null, i: "x" }), "email");
});
