import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { createSession, findLiveSession, revokeSession } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/otp/test-fixtures";

/** security.md item 22: a session has an absolute lifetime and an idle timeout; a revoked one is dead. */
async function freshSession() {
  const user = await createTestUser();
  return createSession({ userId: user.id, methods: ["pwd"], meta: {} });
}

test("a new session lives for the configured length and starts a family of its own", async () => {
  const a = await freshSession();
  const b = await freshSession();
  const length = a.expiresAt.getTime() - a.createdAt.getTime();
  assert.ok(Math.abs(length - config().session.lengthMinutes * 60_000) < 1_000);
  assert.notEqual(a.familyId, b.familyId);
  assert.equal((await findLiveSession(a.id))?.id, a.id);
});

test("past its absolute lifetime a session is dead, however active it was", async () => {
  const session = await freshSession();
  await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1_000), lastSeenAt: new Date() } });
  assert.equal(await findLiveSession(session.id), null);
});

test("idle longer than the timeout a session is dead; just inside it, alive", async () => {
  const idle = config().session.idleMinutes * 60_000;
  const quiet = await freshSession();
  await db.session.update({ where: { id: quiet.id }, data: { lastSeenAt: new Date(Date.now() - idle - 1_000) } });
  assert.equal(await findLiveSession(quiet.id), null);
  const recent = await freshSession();
  await db.session.update({ where: { id: recent.id }, data: { lastSeenAt: new Date(Date.now() - idle + 5_000) } });
  assert.equal((await findLiveSession(recent.id))?.id, recent.id);
});

test("a revoked session is dead at once", async () => {
  const session = await freshSession();
  await revokeSession(session.id);
  assert.equal(await findLiveSession(session.id), null);
});

test("a page view within a minute of the last touch reads the session and its user, and writes nothing", async () => {
  const { captureSql } = await import("@/lib/database/query-plan");
  const session = await freshSession();
  const { result, statements } = await captureSql(() => findLiveSession(session.id));
  assert.equal(result?.id, session.id);
  assert.equal(result?.user.id, session.userId);
  assert.ok(result?.authenticatedAt instanceof Date && result.expiresAt instanceof Date && result.lastSeenAt instanceof Date);
  assert.equal(result?.secondFactorPending, false);
  assert.equal(result?.user.mfaEnabled, false);
  assert.ok(!("passwordHash" in (result?.user ?? {})), "the session's user must not carry the password hash");
  assert.deepEqual(statements.filter((sql) => !/^\s*SELECT/i.test(sql)), [], "a plain page view must not write");
  assert.equal(statements.length, 1, `one statement for the session and its user, got:\n${statements.join("\n")}`);
});

test("the idle touch: written once a minute at most, and the idle timeout counts from it exactly", async () => {
  const idle = config().session.idleMinutes * 60_000;
  const lastSeenOf = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();
  const session = await freshSession();
  const start = await lastSeenOf(session.id);

  // 59 s later: alive, not written. 61 s later: alive, and touched to that moment.
  assert.ok(await findLiveSession(session.id, start + 59_000));
  assert.equal(await lastSeenOf(session.id), start);
  assert.ok(await findLiveSession(session.id, start + 61_000));
  assert.equal(await lastSeenOf(session.id), start + 61_000);

  // The timeout runs from the last touch: alive at exactly `idle` after it, dead a millisecond later.
  const edge = await freshSession();
  const edgeSeen = await lastSeenOf(edge.id);
  assert.ok(await findLiveSession(edge.id, edgeSeen + idle));
  const past = await freshSession();
  const pastSeen = await lastSeenOf(past.id);
  assert.equal(await findLiveSession(past.id, pastSeen + idle + 1), null);
  // A view that found the session dead does not revive it.
  assert.equal(await lastSeenOf(past.id), pastSeen);
  assert.equal(await findLiveSession(past.id, pastSeen + idle + 2), null);
});

test("a sign-in marks the account's last sign-in; a pending first factor and a step-up's replacement do not", async () => {
  const user = await createTestUser();
  const pending = await createSession({ userId: user.id, methods: ["pwd"], meta: {}, secondFactorPending: true });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt, null);
  await createSession({ userId: user.id, methods: ["pwd", "otp"], meta: {}, familyId: pending.familyId, completesSignIn: true });
  const signedIn = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt;
  assert.ok(signedIn);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(0) } });
  await createSession({ userId: user.id, methods: ["pwd", "otp"], meta: {}, familyId: pending.familyId });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt?.getTime(), 0);
  await createSession({ userId: user.id, methods: ["pwd"], meta: {} });
  assert.ok(((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt?.getTime() ?? 0) > 0);
});
