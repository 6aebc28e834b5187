import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { captureSql } from "@/lib/database/query-plan";
import { AppError } from "@/lib/errors/app-error";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { createApplication } from "@/lib/applications/create-application";
import { decodeAuditCursor, encodeAuditCursor, searchAuditEvents } from "@/lib/audit/search-audit-events";
import { auditFiltersSchema, firstFilterError, queryValues, type AuditFilters } from "@/lib/validations/audit";

const filters = (raw: Record<string, string>): AuditFilters => auditFiltersSchema.parse(raw);

/** Reads every page older and older, then back newer, and returns the ids in the order shown. */
async function everyPage(f: AuditFilters, take: number) {
  const forward: string[][] = [];
  let page = await searchAuditEvents({ filters: f, take });
  assert.equal(page.newer, null, "the first page has no newer page");
  forward.push(page.events.map((e) => e.id));
  while (page.older) {
    page = await searchAuditEvents({ filters: f, take, cursor: page.older });
    forward.push(page.events.map((e) => e.id));
  }
  const backward: string[][] = [page.events.map((e) => e.id)];
  while (page.newer) {
    page = await searchAuditEvents({ filters: f, take, cursor: page.newer });
    backward.unshift(page.events.map((e) => e.id));
  }
  return { forward, backward };
}

test("filters by user (email or id), actor (person or application), action and inclusive days", async () => {
  const user = await createTestUser();
  const other = await createTestUser();
  const admin = await createTestUser();
  const device = await createTestDevice(user.id, "SMS");
  const application = await createApplication({ db, name: `Audit search ${randomUUID().slice(0, 8)}` });
  const at = (iso: string) => new Date(iso);
  const rows = [
    { action: "user.signed_in", userId: user.id, actorId: user.id, createdAt: at("2041-03-09T23:59:59.999Z") },
    { action: "user.signed_in", userId: user.id, actorId: user.id, createdAt: at("2041-03-10T00:00:00.000Z") },
    { action: "device.blocked", userId: user.id, actorId: admin.id, deviceId: device.id, createdAt: at("2041-03-11T12:00:00.000Z") },
    { action: "device.added", userId: user.id, applicationId: application.id, createdAt: at("2041-03-12T23:59:59.999Z") },
    { action: "user.signed_in", userId: user.id, actorId: user.id, createdAt: at("2041-03-13T00:00:00.000Z") },
    { action: "user.signed_in", userId: other.id, actorId: other.id, createdAt: at("2041-03-11T08:00:00.000Z") },
  ];
  const ids: string[] = [];
  for (const data of rows) ids.push((await db.auditEvent.create({ data })).id);
  const ofUser = (page: { events: { id: string }[] }) => page.events.map((e) => ids.indexOf(e.id)).filter((i) => i >= 0);

  const byEmail = await searchAuditEvents({ filters: filters({ user: user.email.toUpperCase() }) });
  assert.deepEqual(ofUser(byEmail), [4, 3, 2, 1, 0], "the user's rows, newest first; the email in any case");
  assert.deepEqual(ofUser(await searchAuditEvents({ filters: filters({ user: user.id }) })), [4, 3, 2, 1, 0]);
  assert.deepEqual((await searchAuditEvents({ filters: filters({ user: "nobody@example.test" }) })).events, []);

  const blocked = await searchAuditEvents({ filters: filters({ user: user.email, action: "device.blocked" }) });
  assert.deepEqual(ofUser(blocked), [2]);
  const [row] = blocked.events;
  assert.equal(row!.actorEmail, admin.email);
  assert.equal(row!.userEmail, user.email);
  assert.equal(row!.deviceNickname, "SMS device");
  assert.equal(row!.deviceType, "SMS");
  assert.ok(row!.createdAt instanceof Date);
  assert.equal(row!.createdAt.toISOString(), "2041-03-11T12:00:00.000Z");

  assert.deepEqual(ofUser(await searchAuditEvents({ filters: filters({ actor: admin.email }) })), [2]);
  assert.deepEqual(ofUser(await searchAuditEvents({ filters: filters({ actor: admin.id }) })), [2]);
  const byApplication = await searchAuditEvents({ filters: filters({ actor: application.clientId }) });
  assert.deepEqual(ofUser(byApplication), [3]);
  assert.equal(byApplication.events[0]!.applicationName, application.name);
  assert.deepEqual(ofUser(await searchAuditEvents({ filters: filters({ actor: application.id }) })), [3]);

  // From the first moment of the first day to the last moment of the last one.
  const days = await searchAuditEvents({ filters: filters({ user: user.id, from: "2041-03-10", to: "2041-03-12" }) });
  assert.deepEqual(ofUser(days), [3, 2, 1]);
  const oneDay = await searchAuditEvents({ filters: filters({ from: "2041-03-11", to: "2041-03-11" }) });
  assert.deepEqual(ofUser(oneDay), [2, 5], "both users' rows of that day, without a user filter");
});

test("keyset pages go older and back newer, each row once, rows of the same millisecond included", async () => {
  const user = await createTestUser();
  const base = Date.parse("2041-05-01T10:00:00.000Z");
  // Pairs share a createdAt, so the id breaks the tie.
  const times = [0, 0, 1000, 2000, 2000, 2000, 3000, 4000];
  for (const [i, offset] of times.entries()) {
    await db.auditEvent.create({ data: { action: "otp.sent", userId: user.id, ip: `10.1.0.${i}`, createdAt: new Date(base + offset) } });
  }
  const expected = (await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((r) => r.id);
  const f = filters({ user: user.id });
  const { forward, backward } = await everyPage(f, 3);
  assert.deepEqual(forward.map((p) => p.length), [3, 3, 2]);
  assert.deepEqual(forward.flat(), expected);
  assert.deepEqual(backward, forward, "going back shows the same pages");

  const last = await searchAuditEvents({ filters: f, take: 8 });
  assert.equal(last.older, null, "everything on one page: no older page");
});

test("a page is one statement", async () => {
  const user = await createTestUser();
  for (let i = 0; i < 3; i++) await db.auditEvent.create({ data: { action: "otp.sent", userId: user.id, actorId: user.id } });
  const first = await searchAuditEvents({ filters: filters({ user: user.email }), take: 2 });
  const { statements } = await captureSql(() =>
    searchAuditEvents({ filters: filters({ user: user.email, actor: user.email, action: "otp.sent", from: "2020-01-01", to: "2099-12-31" }), take: 2, cursor: first.older! }),
  );
  assert.equal(statements.length, 1, statements.join("\n"));
});

test("a tampered or foreign cursor is refused as VALIDATION, never a database error", async () => {
  const good = encodeAuditCursor("older", { createdAt: new Date("2041-01-01T00:00:00Z"), id: "cabc123" });
  assert.equal(decodeAuditCursor(good).id, "cabc123");
  const raw = Buffer.from(good, "base64url").toString();
  const tampered = [
    "",
    "not a cursor",
    "%%%",
    Buffer.from(raw.replace("o.", "x.")).toString("base64url"),
    Buffer.from(raw.replace("cabc123", "c' OR 1=1 --")).toString("base64url"),
    Buffer.from("o.99999999999999999999.id").toString("base64url"),
    Buffer.from("o.9999999999999999.id").toString("base64url"),
    Buffer.from(JSON.stringify({ createdAt: 1, id: "x" })).toString("base64url"),
    "A".repeat(500),
  ];
  for (const cursor of tampered) {
    await assert.rejects(
      searchAuditEvents({ filters: {}, cursor }),
      (error: unknown) => error instanceof AppError && error.code === "VALIDATION" && /not valid/.test(error.message),
      JSON.stringify(cursor),
    );
  }
});

test("the filters refuse what the form never sends, with a sentence", () => {
  const refused = (raw: Record<string, unknown>) => {
    const parsed = auditFiltersSchema.safeParse(raw);
    assert.equal(parsed.success, false, JSON.stringify(raw));
    return firstFilterError(parsed.error!);
  };
  assert.match(refused({ action: "user.exploded" }), /Choose an action/);
  assert.match(refused({ action: "constructor" }), /Choose an action/);
  assert.match(refused({ from: "2041-02-30" }), /YYYY-MM-DD/);
  assert.match(refused({ to: "yesterday" }), /YYYY-MM-DD/);
  assert.match(refused({ from: "2041-03-02", to: "2041-03-01" }), /not be after/);
  assert.match(refused({ user: "x".repeat(321) }), /at most 320/);
  assert.match(refused(queryValues(new URLSearchParams("user=a&user=b"))), /once/);
  // Empty fields are no filter; unknown parameters are ignored.
  assert.deepEqual(auditFiltersSchema.parse({ user: " ", actor: "", action: "", from: "", to: "", page: "2" }), {
    user: undefined,
    actor: undefined,
    action: undefined,
    from: undefined,
    to: undefined,
  });
});
