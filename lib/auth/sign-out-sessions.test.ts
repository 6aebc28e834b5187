import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createSession, findLiveSession, rotateSession } from "@/lib/auth/sessions";
import { listSessions } from "@/lib/auth/list-sessions";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/sign-out-sessions";
import { createTestUser } from "@/lib/otp/test-fixtures";

const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const meta = { ip: "192.0.2.10", userAgent: CHROME_WINDOWS };

async function signedIn(userId: string, userAgent = CHROME_WINDOWS, extra: { location?: string; secondFactorPending?: boolean } = {}) {
  return createSession({ userId, methods: ["pwd"], meta: { ip: "198.51.100.1", userAgent, location: extra.location }, secondFactorPending: extra.secondFactorPending });
}

const refusedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

test("the list: each live session with browser, system, place and times, this one first; ended ones left out", async () => {
  const user = await createTestUser();
  const phone = await signedIn(user.id, SAFARI_IPHONE, { location: "Lisbon, PT" });
  const laptop = await signedIn(user.id);
  const pending = await signedIn(user.id, CHROME_WINDOWS, { secondFactorPending: true });
  const ended = await signedIn(user.id);
  await db.session.update({ where: { id: ended.id }, data: { revokedAt: new Date() } });
  const idle = await signedIn(user.id);
  await db.session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(Date.now() - 24 * 3_600_000) } });
  const stranger = await createTestUser();
  await signedIn(stranger.id);

  const list = await listSessions({ userId: user.id, currentSessionId: laptop.id });
  assert.deepEqual(list.map((s) => s.id).sort(), [phone.id, laptop.id, pending.id].sort());
  assert.equal(list[0]!.id, laptop.id);
  assert.equal(list[0]!.current, true);
  const shownPhone = list.find((s) => s.id === phone.id)!;
  assert.deepEqual(
    { browser: shownPhone.browser, system: shownPhone.system, form: shownPhone.form, location: shownPhone.location, ip: shownPhone.ip, current: shownPhone.current },
    { browser: "Safari", system: "iPhone", form: "mobile", location: "Lisbon, PT", ip: "198.51.100.1", current: false },
  );
  assert.equal(list.find((s) => s.id === pending.id)!.secondFactorPending, true);
});

test("a step-up's new session keeps the time its sign-in began", async () => {
  const user = await createTestUser();
  const first = await signedIn(user.id);
  await db.session.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
  const rotated = await rotateSession({ sessionId: first.id, userId: user.id, method: "otp", meta });
  assert.ok(rotated);
  const [shown] = await listSessions({ userId: user.id, currentSessionId: rotated.id });
  assert.equal(shown!.id, rotated.id);
  assert.ok(Date.now() - shown!.signedInAt.getTime() >= 19 * 60_000, "signed in 20 minutes ago, not at the step-up");
});

test("signing out another session ends it at once, audited and told; this session lives on", async () => {
  const user = await createTestUser();
  const mine = await signedIn(user.id);
  const other = await signedIn(user.id, SAFARI_IPHONE);
  const { browser } = await signOutSession({ userId: user.id, currentSessionId: mine.id, sessionId: other.id, meta });
  assert.equal(browser, "Safari on iPhone");
  assert.equal(await findLiveSession(other.id), null);
  assert.equal((await findLiveSession(mine.id))?.id, mine.id);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.session_signed_out" } });
  assert.deepEqual(JSON.parse(audit.details!), { browser: "Safari on iPhone", ip: "198.51.100.1" });
  assert.equal(await db.outboxMessage.count({ where: { to: user.email, body: { contains: "One of your sessions was signed out" } } }), 1);
  // Once ended, asking again is "already ended", not a success that did nothing.
  await assert.rejects(signOutSession({ userId: user.id, currentSessionId: mine.id, sessionId: other.id, meta }), refusedWith("NOT_FOUND"));
});

test("another user's session id is not found and ends nothing, and neither does an unknown one", async () => {
  const owner = await createTestUser();
  const ownerSession = await signedIn(owner.id);
  const attacker = await createTestUser();
  const attackerSession = await signedIn(attacker.id);
  await assert.rejects(signOutSession({ userId: attacker.id, currentSessionId: attackerSession.id, sessionId: ownerSession.id, meta }), refusedWith("NOT_FOUND"));
  await assert.rejects(signOutSession({ userId: attacker.id, currentSessionId: attackerSession.id, sessionId: "no-such-session", meta }), refusedWith("NOT_FOUND"));
  // Nor can the attacker pass the owner's session off as their own current one.
  await assert.rejects(signOutOtherSessions({ userId: attacker.id, currentSessionId: ownerSession.id, meta }), refusedWith("UNAUTHENTICATED"));
  assert.equal((await findLiveSession(ownerSession.id))?.id, ownerSession.id);
  assert.equal((await findLiveSession(attackerSession.id))?.id, attackerSession.id);
  assert.equal(await db.auditEvent.count({ where: { userId: { in: [owner.id, attacker.id] }, action: { in: ["user.session_signed_out", "user.signed_out_others"] } } }), 0);
});

test("the session in use is not ended from the list: that is what Sign out is for", async () => {
  const user = await createTestUser();
  const mine = await signedIn(user.id);
  await assert.rejects(signOutSession({ userId: user.id, currentSessionId: mine.id, sessionId: mine.id, meta }), refusedWith("VALIDATION"));
  assert.equal((await findLiveSession(mine.id))?.id, mine.id);
});

test("the whole sign-in ends: a row its step-up replaced does not outlive it", async () => {
  const user = await createTestUser();
  const mine = await signedIn(user.id);
  const other = await signedIn(user.id);
  const replaced = await rotateSession({ sessionId: other.id, userId: user.id, method: "otp", meta });
  assert.ok(replaced);
  // The list showed the old row's id a moment before the step-up: ending it ends the new one too.
  await signOutSession({ userId: user.id, currentSessionId: mine.id, sessionId: other.id, meta });
  assert.equal(await findLiveSession(replaced.id), null);
});

test("sign out all others: every other session ends, pending ones too, this one and other users' stay", async () => {
  const user = await createTestUser();
  const mine = await signedIn(user.id);
  const mineRotated = await rotateSession({ sessionId: mine.id, userId: user.id, method: "otp", meta });
  assert.ok(mineRotated);
  const others = [await signedIn(user.id), await signedIn(user.id, SAFARI_IPHONE), await signedIn(user.id, CHROME_WINDOWS, { secondFactorPending: true })];
  const stranger = await createTestUser();
  const strangers = await signedIn(stranger.id);

  assert.deepEqual(await signOutOtherSessions({ userId: user.id, currentSessionId: mineRotated.id, meta }), { sessionsEnded: 3 });
  for (const s of others) assert.equal(await findLiveSession(s.id), null);
  assert.equal((await findLiveSession(mineRotated.id))?.id, mineRotated.id);
  assert.equal((await findLiveSession(strangers.id))?.id, strangers.id);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.signed_out_others" } });
  assert.deepEqual(JSON.parse(audit.details!), { sessionsEnded: 3 });
  // Nothing left to end: no audit row, no email.
  assert.deepEqual(await signOutOtherSessions({ userId: user.id, currentSessionId: mineRotated.id, meta }), { sessionsEnded: 0 });
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "user.signed_out_others" } }), 1);
});
