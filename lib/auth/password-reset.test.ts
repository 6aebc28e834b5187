import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashToken } from "@/lib/auth/tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { peekPasswordReset, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { consumeMagicLink, requestMagicLink } from "@/lib/auth/magic-link";
import { limitEmailRequest } from "@/lib/rate-limit/limits";
import { config } from "@/lib/config";

const meta = () => ({ ip: `192.0.2.${randomUUID()}`, userAgent: "unit test" });
const OLD_PASSWORD = "an-old-unit-test-password";
const NEW_PASSWORD = "violet kettle harbour lantern";

const oldHash = hashPassword(OLD_PASSWORD);

async function newUser(options: { mfaEnabled?: boolean } = {}) {
  return db.user.create({
    data: {
      email: `reset-${randomUUID()}@test.local`,
      name: "Rosa Reset",
      passwordHash: await oldHash,
      emailVerifiedAt: new Date(),
      mfaEnabled: options.mfaEnabled ?? false,
    },
  });
}

async function newestMessage(to: string) {
  return db.outboxMessage.findFirst({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

async function requestLink(email: string, now?: Date) {
  await requestPasswordReset({ email, meta: meta(), ...(now ? { now } : {}) });
  const message = await newestMessage(email);
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(message?.body ?? "");
  assert.ok(match, `no reset link in: ${message?.body}`);
  return match[1]!;
}

const passwordOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

test("a reset link is 256 random bits stored only as a hash, lives 30 minutes, and a GET of it changes nothing", async () => {
  const user = await newUser();
  const token = await requestLink(user.email);
  assert.equal(Buffer.from(token, "base64url").length, 32);
  const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(row.tokenHash, hashToken(token));
  assert.ok(!JSON.stringify(row).includes(token), "the token is stored in the clear");
  const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
  assert.ok(lifetime > 29 * 60_000 && lifetime <= 30 * 60_000 + 1000, `lives ${lifetime} ms`);

  assert.equal((await peekPasswordReset(token))?.email, user.email);
  assert.equal((await db.passwordResetToken.findUniqueOrThrow({ where: { id: row.id } })).consumedAt, null);
  assert.equal(await passwordOf(user.id), user.passwordHash);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "user.password_reset_requested" } }), 1);
});

test("a reset sets the password, works once under concurrency, ends every session, remembered browser and unused sign-in link, and tells the user", async () => {
  const user = await newUser({ mfaEnabled: true });
  const signedIn = await createSession({ userId: user.id, methods: ["pwd", "otp"], meta: meta() });
  const pending = await createSession({ userId: user.id, methods: ["pwd"], meta: meta(), secondFactorPending: true });
  await requestMagicLink({ email: user.email, meta: meta() });
  const signInLink = /magic-link\?token=([A-Za-z0-9_-]+)/.exec((await newestMessage(user.email))!.body)![1]!;
  const remembered = await db.deviceKey.create({
    data: { keyId: `key-${randomUUID()}`, userId: user.id, publicKey: "unused", displayName: "Chrome on Linux", rememberedUntil: new Date(Date.now() + 86_400_000) },
  });
  const token = await requestLink(user.email);

  const results = await Promise.all(Array.from({ length: 5 }, () => resetPassword({ token, password: NEW_PASSWORD, meta: meta() })));
  assert.equal(results.filter(Boolean).length, 1, "a link must work exactly once");
  assert.equal(results.find(Boolean)!.sessionsEnded, 2);
  assert.equal(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD), true);

  for (const session of [signedIn, pending]) {
    assert.notEqual((await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt, null, "a session outlived the reset");
  }
  assert.equal(await consumeMagicLink({ token: signInLink, meta: meta() }), null, "a sign-in link from before the reset still works");
  const browser = await db.deviceKey.findUniqueOrThrow({ where: { id: remembered.id } });
  assert.equal(browser.rememberedUntil, null, "a remembered browser would still skip the second factor");
  assert.equal(browser.status, "ACTIVE", "the browser stays known; only the remembering ends");
  assert.equal(await resetPassword({ token, password: "another fresh passphrase here", meta: meta() }), null);
  assert.equal(await peekPasswordReset(token), null);

  // The old password is refused; the new one signs in, and MFA still asks for the second factor.
  assert.equal((await authenticateWithPassword({ email: user.email, password: OLD_PASSWORD, meta: meta() })).status, "mismatch");
  const signIn = await authenticateWithPassword({ email: user.email, password: NEW_PASSWORD, meta: meta() });
  assert.equal(signIn.status, "signed-in");
  assert.equal(signIn.status === "signed-in" && (await db.session.findUniqueOrThrow({ where: { id: signIn.session.id } })).secondFactorPending, true);

  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.password_reset" } });
  assert.deepEqual(JSON.parse(audit.details!), { sessionsEnded: 2 });
  assert.match((await db.outboxMessage.findFirst({ where: { to: user.email, subject: { contains: "password was reset" } } }))?.body ?? "", /Your password was reset/);
});

test("an expired link changes nothing", async () => {
  const user = await newUser();
  const token = await requestLink(user.email);
  const late = new Date(Date.now() + 31 * 60_000);
  assert.equal(await peekPasswordReset(token, late), null);
  assert.equal(await resetPassword({ token, password: NEW_PASSWORD, meta: meta(), now: late }), null);
  assert.equal(await passwordOf(user.id), user.passwordHash);
});

test("a second link voids the first", async () => {
  const user = await newUser();
  const first = await requestLink(user.email);
  const second = await requestLink(user.email);
  assert.notEqual(first, second);
  assert.equal(await peekPasswordReset(first), null);
  assert.equal(await resetPassword({ token: first, password: NEW_PASSWORD, meta: meta() }), null);
  assert.equal(await passwordOf(user.id), user.passwordHash);
  assert.ok(await resetPassword({ token: second, password: NEW_PASSWORD, meta: meta() }));
});

test("a link resets only its own account: another user's link and requests neither void it nor are changed by it", async () => {
  const amy = await newUser();
  const ben = await newUser();
  const amysLink = await requestLink(amy.email);
  const bensLink = await requestLink(ben.email);
  // Ben asking again voids Ben's link, not Amy's.
  const bensNewLink = await requestLink(ben.email);
  assert.equal(await peekPasswordReset(bensLink), null);
  assert.equal((await peekPasswordReset(amysLink))?.id, amy.id);

  const bensSession = await createSession({ userId: ben.id, methods: ["pwd"], meta: meta() });
  assert.ok(await resetPassword({ token: amysLink, password: NEW_PASSWORD, meta: meta() }));
  assert.equal(await passwordOf(ben.id), ben.passwordHash, "Amy's link changed Ben's password");
  assert.equal((await db.session.findUniqueOrThrow({ where: { id: bensSession.id } })).revokedAt, null, "Amy's reset signed Ben out");
  assert.equal((await peekPasswordReset(bensNewLink))?.id, ben.id, "Amy's reset voided Ben's link");
});

test("a guessable new password is refused and the link still works", async () => {
  const user = await newUser();
  const token = await requestLink(user.email);
  await assert.rejects(
    resetPassword({ token, password: "password1234", meta: meta() }),
    (error: unknown) => error instanceof AppError && error.code === "VALIDATION" && Boolean(error.fieldErrors?.password?.length),
  );
  await assert.rejects(resetPassword({ token, password: "rosa reset 2024", meta: meta() }), AppError);
  assert.equal(await passwordOf(user.id), user.passwordHash);
  assert.ok(await peekPasswordReset(token));
  assert.ok(await resetPassword({ token, password: NEW_PASSWORD, meta: meta() }));
});

test("an unknown email gets no link and leaves no trace", async () => {
  const email = `nobody-${randomUUID()}@test.local`;
  const before = await db.passwordResetToken.count();
  await requestPasswordReset({ email, meta: meta() });
  assert.equal(await db.passwordResetToken.count(), before);
  assert.equal(await newestMessage(email), null);
});

test("a made-up or malformed token is simply not a link", async () => {
  assert.equal(await peekPasswordReset("x".repeat(43)), null);
  assert.equal(await resetPassword({ token: "y".repeat(43), password: NEW_PASSWORD, meta: meta() }), null);
});

test("reset requests are limited per email and per client address, on counters of their own", async () => {
  const { perEmail, perAddress } = config().limits.emailLink;
  const email = `limited-${randomUUID()}@test.local`;
  const ip = `198.51.100.${randomUUID()}`;
  const refused = (error: unknown) => error instanceof AppError && error.code === "RATE_LIMITED";
  for (let i = 0; i < perEmail; i++) await limitEmailRequest({ kind: "password-reset", email, ip: `${ip}-${i}` });
  await assert.rejects(limitEmailRequest({ kind: "password-reset", email, ip: `${ip}-x` }), refused);
  // Sign-in links for the same address count apart.
  await limitEmailRequest({ kind: "email-link", email, ip: `${ip}-y` });

  for (let i = 0; i < perAddress; i++) await limitEmailRequest({ kind: "password-reset", email: `a${i}-${email}`, ip });
  await assert.rejects(limitEmailRequest({ kind: "password-reset", email: `another-${email}`, ip }), refused);
});
