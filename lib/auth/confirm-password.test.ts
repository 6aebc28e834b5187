import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { createSession } from "@/lib/auth/sessions";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";

const PASSWORD = "a-long-unit-test-password";

test("re-authentication shares the account's sign-in waits: after 10 wrong passwords even the right one waits", async () => {
  const user = await db.user.create({ data: { email: `reauth-${randomUUID()}@test.local`, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() } });
  const meta = { ip: `198.51.100.${randomUUID()}`, userAgent: "unit test" };
  // Through the app's own helper, so the test follows whatever a Session row needs.
  const session = await createSession({ userId: user.id, methods: ["pwd"], meta, secondFactorPending: false });
  const base = { userId: user.id, sessionId: session.id, meta };
  for (let i = 0; i < 10; i++) assert.equal(await confirmPassword({ ...base, password: "wrong-password" }), null);
  await assert.rejects(
    confirmPassword({ ...base, password: PASSWORD }),
    (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED" && e.message === "Too many wrong passwords. Wait 30 seconds, then try again.",
  );
  // The same count stops a sign-in with the right password too.
  assert.equal((await authenticateWithPassword({ email: user.email, password: PASSWORD, meta })).status, "wait");
  const later = new Date(Date.now() + 31_000);
  const renewed = await confirmPassword({ ...base, password: PASSWORD, now: later });
  assert.ok(renewed, "the right password, once the wait is over, renews the session");
  // A success clears the count: a wrong password is refused again, not answered with a wait.
  assert.equal(await confirmPassword({ ...base, sessionId: renewed.id, password: "wrong-password", now: later }), null);
});
