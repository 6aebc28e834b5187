import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashToken } from "@/lib/auth/tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkSignUp, registerAccount } from "@/lib/auth/register-account";
import { confirmEmailVerification, peekEmailVerification, requestEmailVerification } from "@/lib/auth/email-verification";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { consumeMagicLink, requestMagicLink } from "@/lib/auth/magic-link";

const meta = () => ({ ip: `192.0.2.${randomUUID()}`, userAgent: "unit test" });
const newEmail = () => `signup-${randomUUID()}@test.local`;
const PASSWORD = "a-long-unit-test-password";

async function newestMessage(to: string) {
  return db.outboxMessage.findFirst({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}
function linkToken(body: string, path: string) {
  const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(body);
  assert.ok(match, `no ${path} link in: ${body}`);
  return match[1]!;
}

test("a new address gets an unconfirmed account and a single-use, hashed, short-lived confirmation link", async () => {
  const email = newEmail();
  const result = await registerAccount({ name: "Nia", email, password: PASSWORD, meta: meta() });
  assert.equal(result.created, true);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  assert.equal(user.emailVerifiedAt, null);
  assert.equal((await authenticateWithPassword({ email, password: PASSWORD, meta: meta() })).status, "unverified");

  const message = await newestMessage(email);
  const token = linkToken(message!.body, "verify-email");
  assert.ok(Buffer.from(token, "base64url").length >= 16, "fewer than 128 bits");
  const row = await db.emailVerificationToken.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(row.tokenHash, hashToken(token));
  assert.ok(!JSON.stringify(row).includes(token), "the token is stored in the clear");
  assert.ok(row.expiresAt.getTime() - Date.now() <= 60 * 60_000 + 1000, "lives longer than an hour");

  // Reading the link (what the GET page does) changes nothing.
  assert.deepEqual(await peekEmailVerification(token), { email });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt, null);

  const confirmations = await Promise.all(Array.from({ length: 5 }, () => confirmEmailVerification({ token, meta: meta() })));
  assert.equal(confirmations.filter(Boolean).length, 1, "a link must work exactly once");
  assert.notEqual((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt, null);
  assert.equal(await peekEmailVerification(token), null);
  assert.equal((await authenticateWithPassword({ email, password: PASSWORD, meta: meta() })).status, "signed-in");
});

test("an expired confirmation link confirms nothing", async () => {
  const email = newEmail();
  await registerAccount({ name: "Late", email, password: PASSWORD, meta: meta() });
  const token = linkToken((await newestMessage(email))!.body, "verify-email");
  assert.equal(await confirmEmailVerification({ token, meta: meta(), now: new Date(Date.now() + 61 * 60_000) }), null);
  assert.equal((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt, null);
});

test("signing up with an address that has an account creates nothing, changes nothing and tells the owner", async () => {
  const email = newEmail();
  const owner = await db.user.create({ data: { email, name: "Owner", passwordHash: await hashPassword("the-owners-own-password"), emailVerifiedAt: new Date() } });
  const result = await registerAccount({ name: "Mallory", email, password: "mallorys-chosen-password", meta: meta() });
  assert.equal(result.created, false);
  assert.equal(await db.user.count({ where: { email } }), 1);
  const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
  assert.equal(after.name, "Owner");
  assert.equal(await verifyPassword(after.passwordHash, "the-owners-own-password"), true);
  const message = await newestMessage(email);
  assert.match(message!.subject ?? "", /Someone tried to create/);
  assert.match(message!.body, /You already have one/);
  assert.equal(await db.emailVerificationToken.count({ where: { userId: owner.id } }), 0);
});

test("the checks made before answering a sign-up do not depend on whether the account exists", async () => {
  const taken = newEmail();
  await db.user.create({ data: { email: taken, emailVerifiedAt: new Date() } });
  const free = newEmail();
  const users = await db.user.count();
  for (const email of [taken, free]) {
    await checkSignUp({ name: "Sam", email, password: PASSWORD, meta: meta() });
    await assert.rejects(
      checkSignUp({ name: "Sam", email, password: "password1234", meta: meta() }),
      (e: unknown) => e instanceof AppError && e.code === "VALIDATION" && /common and breached/.test(e.fieldErrors?.password?.[0] ?? ""),
    );
  }
  assert.equal(await db.user.count(), users, "checking a sign-up must not create or touch accounts");
});

test("a new confirmation link goes only to an unconfirmed account; a sign-in link also confirms the address", async () => {
  const email = newEmail();
  await registerAccount({ name: "Kim", email, password: PASSWORD, meta: meta() });
  const before = await db.outboxMessage.count({ where: { to: email } });
  await requestEmailVerification({ email, meta: meta() });
  assert.equal(await db.outboxMessage.count({ where: { to: email } }), before + 1);

  await requestMagicLink({ email, meta: meta() });
  const token = linkToken((await newestMessage(email))!.body, "magic-link");
  const signedIn = await consumeMagicLink({ token, meta: meta() });
  assert.ok(signedIn);
  assert.notEqual((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt, null);

  const confirmed = await db.outboxMessage.count({ where: { to: email } });
  await requestEmailVerification({ email, meta: meta() });
  await requestEmailVerification({ email: newEmail(), meta: meta() });
  assert.equal(await db.outboxMessage.count({ where: { to: email } }), confirmed, "a confirmed account got another confirmation link");
});
