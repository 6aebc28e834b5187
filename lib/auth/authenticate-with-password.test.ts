import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";

const PASSWORD = "a-long-unit-test-password";
const passwordHash = hashPassword(PASSWORD);

async function createUser(options: { verified: boolean }) {
  return db.user.create({
    data: { email: `pwd-${randomUUID()}@test.local`, passwordHash: await passwordHash, emailVerifiedAt: options.verified ? new Date() : null },
  });
}

/** Each test has a client address of its own, so one test's failures never slow another. */
const meta = () => ({ ip: `198.51.100.${randomUUID()}`, userAgent: "unit test" });

test("after 10 wrong passwords an account waits 30 s: even the right password is refused, and an unknown email is treated alike", async () => {
  const user = await createUser({ verified: true });
  const ghost = `ghost-${randomUUID()}@test.local`;
  const t0 = new Date();
  for (const email of [user.email, ghost]) {
    const m = meta();
    for (let i = 0; i < 10; i++) {
      assert.deepEqual(await authenticateWithPassword({ email, password: "wrong-password", meta: m, now: t0 }), { status: "mismatch" });
    }
    const password = email === user.email ? PASSWORD : "wrong-password";
    assert.deepEqual(await authenticateWithPassword({ email, password, meta: m, now: t0 }), { status: "wait", limit: "account", retryAfterSeconds: 30 });
  }
  // The refused attempt did not reach the password check: no session and no audited failure for it.
  assert.equal(await db.session.count({ where: { userId: user.id } }), 0);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "user.sign_in_failed" } }), 10);

  const afterWait = new Date(t0.getTime() + 30_000);
  const ok = await authenticateWithPassword({ email: user.email, password: PASSWORD, meta: meta(), now: afterWait });
  assert.equal(ok.status, "signed-in");
  // The success cleared the run of failures: the next wrong password is an ordinary mismatch.
  assert.deepEqual(await authenticateWithPassword({ email: user.email, password: "wrong-password", meta: meta(), now: afterWait }), { status: "mismatch" });
});

test("one client address gets 100 wrong passwords per 15 minutes across accounts, then waits", async () => {
  const m = meta();
  const t0 = new Date();
  for (let i = 0; i < 100; i++) {
    const result = await authenticateWithPassword({ email: `spray-${i}-${randomUUID()}@test.local`, password: "Winter2030!", meta: m, now: t0 });
    assert.equal(result.status, "mismatch");
  }
  const user = await createUser({ verified: true });
  assert.deepEqual(await authenticateWithPassword({ email: user.email, password: PASSWORD, meta: m, now: t0 }), {
    status: "wait",
    limit: "address",
    retryAfterSeconds: 900,
  });
  // Another address is not held up.
  assert.equal((await authenticateWithPassword({ email: user.email, password: PASSWORD, meta: meta(), now: t0 })).status, "signed-in");
  const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join("\n");
  assert.ok(!keys.includes(m.ip) && !keys.includes(user.email), "a plain address or email is stored in RateLimit");
});

test("an account whose email is not confirmed cannot sign in with its password, and gets no session", async () => {
  const user = await createUser({ verified: false });
  assert.deepEqual(await authenticateWithPassword({ email: user.email, password: "wrong-password", meta: meta() }), { status: "mismatch" });
  assert.deepEqual(await authenticateWithPassword({ email: user.email, password: PASSWORD, meta: meta() }), { status: "unverified" });
  assert.equal(await db.session.count({ where: { userId: user.id } }), 0);
});
