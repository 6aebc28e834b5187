import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { generateAuthenticationOptionsForUser } from "@/lib/webauthn/generate-authentication-options";
import { generateRegistrationOptionsForUser } from "@/lib/webauthn/generate-registration-options";
import { CLONE_BLOCKED_REASON, verifyAuthentication } from "@/lib/webauthn/verify-authentication";
import { verifyRegistration } from "@/lib/webauthn/verify-registration";
import { createSoftwareAuthenticator, createTestUser, newFlowId } from "@/lib/webauthn/test-fixtures";
import { withPolicy } from "@/lib/policy/test-fixtures";

// Read once by config() on first use, which is after this line: the widget's allowed host page.
process.env.WIDGET_ALLOWED_ORIGINS = "https://shop.example.com";

const meta = { ip: "203.0.113.9", userAgent: "unit-test" };
const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

/** A user with a passkey registered through the real ceremony. */
async function enrolled(options: { userVerifying?: boolean } = {}) {
  const user = await createTestUser();
  const authenticator = createSoftwareAuthenticator(options);
  const flowExecutionId = newFlowId();
  const creation = await generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId, type: "PLATFORM" });
  const { deviceId } = await verifyRegistration({
    userId: user.id,
    flowExecutionId,
    type: "PLATFORM",
    response: authenticator.register({ challenge: creation.challenge }),
    meta,
  });
  return { user, authenticator, deviceId };
}

async function challengeFor(userId: string | null, flowExecutionId = newFlowId()) {
  const request = await generateAuthenticationOptionsForUser({ userId, flowExecutionId });
  return { flowExecutionId, challenge: request.challenge };
}

test("a verified assertion signs the user in and records counter, use, UV and clears failure counts", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  await db.device.update({ where: { id: deviceId }, data: { failedAttempts: 3 } });
  await db.user.update({ where: { id: user.id }, data: { failedMfaAttempts: 4 } });
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  const now = new Date();
  const response = authenticator.authenticate({ challenge, counter: 7, uv: false });
  const result = await verifyAuthentication({ userId: user.id, flowExecutionId, response, meta, now });
  assert.deepEqual(result, { userId: user.id, deviceId, userVerified: false });

  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.signCount, 7);
  assert.equal(device.userVerified, false);
  assert.deepEqual(device.lastUsedAt, now);
  assert.equal(device.failedAttempts, 0);
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts, 0);
});

test("a replayed assertion fails, also when 20 copies arrive at once", async () => {
  const { user, authenticator } = await enrolled();
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  const response = authenticator.authenticate({ challenge, counter: 1 });
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, () => verifyAuthentication({ userId: user.id, flowExecutionId, response, meta })),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.ok(results.every((r) => r.status === "fulfilled" || isCode("EXPIRED")(r.reason)));
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("EXPIRED"));
});

test("a response to a challenge of another flow or user is refused as expired", async () => {
  const { user, authenticator } = await enrolled();
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  const response = authenticator.authenticate({ challenge, counter: 1 });
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId: newFlowId(), response, meta }), isCode("EXPIRED"));
  await assert.rejects(verifyAuthentication({ userId: null, flowExecutionId, response, meta }), isCode("EXPIRED"));
  assert.equal((await verifyAuthentication({ userId: user.id, flowExecutionId, response, meta })).userId, user.id);
});

test("another user's credential is not found for a known user", async () => {
  const victim = await enrolled();
  const attacker = await enrolled();
  // A challenge issued to the attacker's own flow; the victim's credential must not answer it.
  const { flowExecutionId, challenge } = await challengeFor(attacker.user.id);
  const response = victim.authenticator.authenticate({ challenge, counter: 1, userId: victim.user.id });
  await assert.rejects(verifyAuthentication({ userId: attacker.user.id, flowExecutionId, response, meta }), isCode("NOT_FOUND"));
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: victim.deviceId } })).signCount, 0);
});

test("an unknown credential is not found", async () => {
  const { user } = await enrolled();
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  const response = createSoftwareAuthenticator().authenticate({ challenge, counter: 1 });
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("NOT_FOUND"));
});

test("a discoverable sign-in names its user by the credential, and needs the matching user handle", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  const signIn = await challengeFor(null);
  const response = authenticator.authenticate({ challenge: signIn.challenge, counter: 1, userId: user.id });
  const result = await verifyAuthentication({ userId: null, flowExecutionId: signIn.flowExecutionId, response, meta });
  assert.deepEqual(result, { userId: user.id, deviceId, userVerified: true });

  const noHandle = await challengeFor(null);
  const withoutHandle = authenticator.authenticate({ challenge: noHandle.challenge, counter: 2 });
  await assert.rejects(verifyAuthentication({ userId: null, flowExecutionId: noHandle.flowExecutionId, response: withoutHandle, meta }), isCode("VALIDATION"));

  const wrongHandle = await challengeFor(null);
  const other = authenticator.authenticate({ challenge: wrongHandle.challenge, counter: 3, userId: `not-${user.id}` });
  await assert.rejects(verifyAuthentication({ userId: null, flowExecutionId: wrongHandle.flowExecutionId, response: other, meta }), isCode("NOT_FOUND"));
});

test("a blocked device fails on its next use, an unfinished one is not found", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  await db.device.update({ where: { id: deviceId }, data: { status: "BLOCKED" } });
  const response = authenticator.authenticate({ challenge, counter: 1 });
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("FORBIDDEN"));

  await db.device.update({ where: { id: deviceId }, data: { status: "ACTIVATION_REQUIRED" } });
  const again = await challengeFor(null);
  const pending = authenticator.authenticate({ challenge: again.challenge, counter: 2, userId: user.id });
  await assert.rejects(verifyAuthentication({ userId: null, flowExecutionId: again.flowExecutionId, response: pending, meta }), isCode("NOT_FOUND"));
});

test("when the flow asked for one device, another of the user's is not accepted", async () => {
  const first = await enrolled();
  const authenticator = createSoftwareAuthenticator();
  const registration = newFlowId();
  const creation = await generateRegistrationOptionsForUser({ userId: first.user.id, flowExecutionId: registration, type: "PLATFORM" });
  const response0 = authenticator.register({ challenge: creation.challenge });
  await verifyRegistration({ userId: first.user.id, flowExecutionId: registration, type: "PLATFORM", response: response0, meta });
  const { flowExecutionId, challenge } = await challengeFor(first.user.id);
  const response = authenticator.authenticate({ challenge, counter: 1 });
  await assert.rejects(verifyAuthentication({ userId: first.user.id, flowExecutionId, response, meta, deviceId: first.deviceId }), isCode("NOT_FOUND"));
});

test("wrong origin, unexpected framing and a forged signature are refused and change nothing", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  for (const extra of [{ origin: "https://evil.example" }, { crossOrigin: true, topOrigin: "https://shop.example.com" }, { forge: true }]) {
    const { flowExecutionId, challenge } = await challengeFor(user.id);
    const response = authenticator.authenticate({ challenge, counter: 1, ...extra });
    await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("VALIDATION"), JSON.stringify(extra));
  }
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.signCount, 0);
  assert.equal(device.status, "ACTIVE");
});

test("a widget flow accepts a frame whose host page is allowed, and only that one", async () => {
  const { user, authenticator } = await enrolled();
  const flow = await db.flowExecution.create({
    data: { kind: "device-management", state: "{}", input: "{}", userId: user.id, door: "widget", expiresAt: new Date(Date.now() + 600_000) },
  });
  const evil = await challengeFor(user.id, flow.id);
  const framedByEvil = authenticator.authenticate({ challenge: evil.challenge, counter: 1, crossOrigin: true, topOrigin: "https://evil.example" });
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId: flow.id, response: framedByEvil, meta }), isCode("VALIDATION"));
  const shop = await challengeFor(user.id, flow.id);
  const framedByShop = authenticator.authenticate({ challenge: shop.challenge, counter: 2, crossOrigin: true, topOrigin: "https://shop.example.com" });
  assert.equal((await verifyAuthentication({ userId: user.id, flowExecutionId: flow.id, response: framedByShop, meta })).userId, user.id);
});

test("with user verification required, an assertion without it is refused", async () => {
  const { user, authenticator } = await enrolled({ userVerifying: false });
  await withPolicy({ webauthnUserVerification: "required" }, async () => {
    const { flowExecutionId, challenge } = await challengeFor(user.id);
    const response = authenticator.authenticate({ challenge, counter: 1 });
    await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("VALIDATION"));
  });
});

test("authenticators without a counter keep reporting 0 and keep working", async () => {
  const { user, authenticator } = await enrolled();
  for (let i = 0; i < 3; i++) {
    const { flowExecutionId, challenge } = await challengeFor(user.id);
    const response = authenticator.authenticate({ challenge, counter: 0 });
    assert.equal((await verifyAuthentication({ userId: user.id, flowExecutionId, response, meta })).userId, user.id);
  }
});

test("a counter that goes backwards blocks the device, audits it and tells the user", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  const first = await challengeFor(user.id);
  await verifyAuthentication({ userId: user.id, flowExecutionId: first.flowExecutionId, response: authenticator.authenticate({ challenge: first.challenge, counter: 6 }), meta });
  const mailsBefore = await db.outboxMessage.count({ where: { to: user.email } });

  const clone = await challengeFor(user.id);
  const response = authenticator.authenticate({ challenge: clone.challenge, counter: 3 });
  await assert.rejects(
    verifyAuthentication({ userId: user.id, flowExecutionId: clone.flowExecutionId, response, meta }),
    (e: unknown) => isCode("FORBIDDEN")(e) && /blocked/i.test((e as Error).message),
  );
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.status, "BLOCKED");
  assert.equal(device.blockedReason, CLONE_BLOCKED_REASON);
  assert.equal(device.isDefault, false);
  assert.equal(device.signCount, 6, "the last good counter is kept");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.clone_suspected" } });
  assert.equal(audit.deviceId, deviceId);
  assert.equal(audit.ip, meta.ip);
  assert.deepEqual(JSON.parse(audit.details ?? "{}").reportedCounter, 3);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.blocked", deviceId } }), 1);
  const mails = await db.outboxMessage.findMany({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
  assert.equal(mails.length, mailsBefore + 1);
  assert.match(mails[0]!.subject ?? "", /blocked/);

  // And the real owner's next, correct use fails too: the device stays blocked until they unblock it.
  const next = await challengeFor(null);
  const later = authenticator.authenticate({ challenge: next.challenge, counter: 7, userId: user.id });
  await assert.rejects(verifyAuthentication({ userId: null, flowExecutionId: next.flowExecutionId, response: later, meta }), isCode("FORBIDDEN"));
});

test("an equal counter and a counter falling to 0 are regressions too", async () => {
  for (const reported of [5, 0]) {
    const { user, authenticator, deviceId } = await enrolled();
    await db.device.update({ where: { id: deviceId }, data: { signCount: 5 } });
    const { flowExecutionId, challenge } = await challengeFor(user.id);
    const response = authenticator.authenticate({ challenge, counter: reported });
    await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response, meta }), isCode("FORBIDDEN"));
    assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).status, "BLOCKED");
  }
});

test("a forged assertion with a low counter cannot block someone's device", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  await db.device.update({ where: { id: deviceId }, data: { signCount: 9 } });
  const { flowExecutionId, challenge } = await challengeFor(user.id);
  const forged = authenticator.authenticate({ challenge, counter: 1, forge: true });
  await assert.rejects(verifyAuthentication({ userId: user.id, flowExecutionId, response: forged, meta }), isCode("VALIDATION"));
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).status, "ACTIVE");
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.clone_suspected" } }), 0);
});

test("two assertions racing with the same counter: one signs in, the other blocks the device once", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  const a = await challengeFor(user.id, `race-a-${randomUUID()}`);
  const b = await challengeFor(user.id, `race-b-${randomUUID()}`);
  const results = await Promise.allSettled([
    verifyAuthentication({ userId: user.id, flowExecutionId: a.flowExecutionId, response: authenticator.authenticate({ challenge: a.challenge, counter: 4 }), meta }),
    verifyAuthentication({ userId: user.id, flowExecutionId: b.flowExecutionId, response: authenticator.authenticate({ challenge: b.challenge, counter: 4 }), meta }),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.ok(results.some((r) => r.status === "rejected" && isCode("FORBIDDEN")(r.reason)));
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).status, "BLOCKED");
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.clone_suspected" } }), 1);
});

test("a passkey locked by an administrator fails until the time it unlocks, named in the message, also for a discoverable sign-in", async () => {
  const { user, authenticator, deviceId } = await enrolled();
  const until = new Date(Date.now() + 86_400_000);
  await db.device.update({ where: { id: deviceId }, data: { lockedUntil: until } });
  const shown = `${until.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { flowExecutionId, challenge } = await challengeFor(null);
  const response = authenticator.authenticate({ challenge, counter: 1, userId: user.id });
  await assert.rejects(
    verifyAuthentication({ userId: null, flowExecutionId, response, meta }),
    (e: unknown) => isCode("LOCKED")(e) && (e as Error).message.includes(shown),
  );
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).signCount, 0, "a refused assertion changes nothing");
  // Once the lock has passed (or is cleared), the same passkey works again.
  await db.device.update({ where: { id: deviceId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  const again = await challengeFor(user.id);
  const ok = await verifyAuthentication({ userId: user.id, flowExecutionId: again.flowExecutionId, response: authenticator.authenticate({ challenge: again.challenge, counter: 2 }), meta });
  assert.equal(ok.deviceId, deviceId);
});
