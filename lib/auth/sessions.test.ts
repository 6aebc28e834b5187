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
