import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { createSession, rotateSession } from "@/lib/auth/sessions";
import { applyStepUp, completeAuthenticationFlow } from "@/lib/auth/complete-authentication-flow";
import {
  assertAuthenticationFlow,
  findSignInFlow,
  resumeOpenFlow,
  getFlow,
  sendFlowEvent,
  startFlow,
  type Caller,
} from "@/lib/flows/flow-executions";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";

/**
 * security.md item 25: a flow belongs to the session family that started it. Two sessions of one user
 * (the owner, and someone who knows only the password) must be strangers to each other's flows.
 */
async function twoSessionsOfOneUser(options: { pending?: boolean } = {}) {
  const user = await createTestUser();
  await db.user.update({ where: { id: user.id }, data: { mfaEnabled: true } });
  const sms = await createTestDevice(user.id, "SMS");
  await createTestDevice(user.id, "EMAIL");
  const pending = options.pending ?? true;
  const owner = await createSession({ userId: user.id, methods: ["pwd"], meta: {}, secondFactorPending: pending });
  const other = await createSession({ userId: user.id, methods: ["pwd"], meta: {}, secondFactorPending: pending });
  const callerOf = (s: { id: string; familyId: string }): Caller => ({ meta: {}, session: { id: s.id, familyId: s.familyId } });
  return { user, sms, owner, other, ownerCaller: callerOf(owner), otherCaller: callerOf(other) };
}

async function newestCodeTo(target: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { to: target }, orderBy: { createdAt: "desc" } });
  return message.body.replace(/[, ]/g, "").match(/\d{6}/)![0];
}

/** The owner's sign-in second factor, driven to success with the code the SMS device received. */
async function ownerAuthenticates(setup: Awaited<ReturnType<typeof twoSessionsOfOneUser>>, purpose: "sign-in" | "step-up" = "sign-in") {
  const { user, sms, ownerCaller } = setup;
  const flow = await startFlow({ kind: "device-authentication", userId: user.id, input: { maxResend: 3, purpose }, door: "portal", caller: ownerCaller });
  await sendFlowEvent({ id: flow.id, userId: user.id, event: { type: "BROWSER_CAPABILITIES", webauthn: "true", platformAuthenticator: "true" }, caller: ownerCaller });
  await sendFlowEvent({ id: flow.id, userId: user.id, event: { type: "SELECT_DEVICE", deviceId: sms.id }, caller: ownerCaller });
  const done = await sendFlowEvent({ id: flow.id, userId: user.id, event: { type: "SUBMIT_OTP", otp: await newestCodeTo(sms.target!) }, caller: ownerCaller });
  assert.equal(done.result?.output.ciam_subflowResult, "AUTHENTICATED");
  return flow.id;
}

test("another session of the same user can neither see, resume, nor drive a flow it did not start", async () => {
  const { user, ownerCaller, otherCaller } = await twoSessionsOfOneUser();
  const flow = await startFlow({ kind: "device-authentication", userId: user.id, input: { maxResend: 3 }, door: "portal", caller: ownerCaller });
  const capabilities = { type: "BROWSER_CAPABILITIES", webauthn: "true", platformAuthenticator: "true" };

  await assert.rejects(getFlow({ id: flow.id, userId: user.id, caller: otherCaller }), { code: "NOT_FOUND" });
  await assert.rejects(sendFlowEvent({ id: flow.id, userId: user.id, event: capabilities, caller: otherCaller }), { code: "NOT_FOUND" });
  await assert.rejects(assertAuthenticationFlow(flow.id, user.id, otherCaller), { code: "NOT_FOUND" });
  assert.equal(await resumeOpenFlow({ kind: "device-authentication", userId: user.id, door: "portal", caller: otherCaller }), null);

  // Nothing changed, and the owner still finds and drives it.
  assert.equal((await resumeOpenFlow({ kind: "device-authentication", userId: user.id, door: "portal", caller: ownerCaller }))?.id, flow.id);
  const moved = await sendFlowEvent({ id: flow.id, userId: user.id, event: capabilities, caller: ownerCaller });
  assert.equal(moved.state.section, "DEVICE_SELECTION");
});

test("a finished second factor is redeemed only by the session that started it, once; another's attempt is audited", async () => {
  const setup = await twoSessionsOfOneUser();
  const { user, owner, other, otherCaller, ownerCaller } = setup;
  const flowId = await ownerAuthenticates(setup);

  // The password-only session finds nothing to finish, and redeeming the owner's flow is refused.
  assert.equal(await findSignInFlow({ userId: user.id, caller: otherCaller }), null);
  assert.equal(await completeAuthenticationFlow({ flowId, sessionId: other.id, meta: { ip: "203.0.113.9" } }), null);
  const refused = await db.auditEvent.findFirst({ where: { userId: user.id, action: "flow.redemption_refused" } });
  assert.ok(refused, "the refused redemption is audited");
  assert.equal((await db.flowExecution.findUniqueOrThrow({ where: { id: flowId } })).redeemedAt, null);
  assert.equal((await db.session.findUniqueOrThrow({ where: { id: other.id } })).secondFactorPending, true);

  // The owner completes it: a new session of the owner's family; the pending token is revoked.
  assert.equal((await findSignInFlow({ userId: user.id, caller: ownerCaller }))?.id, flowId);
  const done = await completeAuthenticationFlow({ flowId, sessionId: owner.id, meta: {} });
  assert.ok(done);
  assert.equal(done.session.familyId, owner.familyId);
  assert.equal(done.session.secondFactorPending, false);
  assert.ok((await db.session.findUniqueOrThrow({ where: { id: owner.id } })).revokedAt);

  // Once only: neither the new session nor the old one can redeem it again.
  assert.equal(await completeAuthenticationFlow({ flowId, sessionId: done.session.id, meta: {} }), null);
  assert.equal(await completeAuthenticationFlow({ flowId, sessionId: owner.id, meta: {} }), null);
});

test("a step-up replaces the session with a new one of the same family and revokes the old token", async () => {
  const setup = await twoSessionsOfOneUser({ pending: false });
  const { owner, other } = setup;
  const flowId = await ownerAuthenticates(setup, "step-up");

  // Another session of the same user cannot take the owner's step-up for itself.
  assert.equal(await applyStepUp({ flowId, sessionId: other.id, meta: {} }), null);

  const renewed = await applyStepUp({ flowId, sessionId: owner.id, meta: {} });
  assert.ok(renewed);
  assert.notEqual(renewed.id, owner.id);
  assert.equal(renewed.familyId, owner.familyId);
  assert.ok((await db.session.findUniqueOrThrow({ where: { id: owner.id } })).revokedAt, "the old token stops working");
  assert.equal(await applyStepUp({ flowId, sessionId: renewed.id, meta: {} }), null, "a step-up is used once");
});

test("two racing rotations of one session: exactly one wins", async () => {
  const { user, owner } = await twoSessionsOfOneUser({ pending: false });
  const results = await Promise.all(
    Array.from({ length: 5 }, () => rotateSession({ sessionId: owner.id, userId: user.id, method: "pwd", meta: {} }).catch(() => null)),
  );
  assert.equal(results.filter(Boolean).length, 1);
  assert.equal(await db.session.count({ where: { familyId: owner.familyId, revokedAt: null } }), 1);
});

test("flows survive their owner's rotation: the new session of the family still drives them", async () => {
  const { user, owner, ownerCaller } = await twoSessionsOfOneUser({ pending: false });
  const flow = await startFlow({ kind: "device-management", userId: user.id, input: {}, door: "portal", caller: ownerCaller });
  const renewed = await rotateSession({ sessionId: owner.id, userId: user.id, method: "pwd", meta: {} });
  assert.ok(renewed);
  const caller: Caller = { meta: {}, session: { id: renewed.id, familyId: renewed.familyId } };
  assert.equal((await getFlow({ id: flow.id, userId: user.id, caller })).id, flow.id);
});

test("over the API the application owns its flow: another application, and any session of the user, find nothing; idle time moves on with each event", async () => {
  const { user, sms, ownerCaller } = await twoSessionsOfOneUser({ pending: false });
  const shop: Caller = { meta: { applicationId: "app-shop" }, session: null, application: { id: "app-shop" } };
  const other: Caller = { meta: {}, session: null, application: { id: "app-other" } };
  const input = { maxResend: 3, browser: { webauthn: true, platformAuthenticator: true } };
  const flow = await startFlow({ kind: "device-authentication", userId: user.id, input, door: "api", caller: shop });
  assert.equal(flow.view.section, "DEVICE_SELECTION");
  // The id is all a client holds: random (UUID v4), with nothing of time or order in it to guess from.
  assert.match(flow.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // The idle deadline, not the machine's 15 minutes.
  assert.ok(Math.abs(flow.expiresAt.getTime() - (Date.now() + 10 * 60_000)) < 5_000);

  await assert.rejects(getFlow({ id: flow.id, userId: null, caller: other }), { code: "NOT_FOUND" });
  await assert.rejects(getFlow({ id: flow.id, userId: user.id, caller: ownerCaller }), { code: "NOT_FOUND" });
  await assert.rejects(sendFlowEvent({ id: flow.id, userId: user.id, event: { type: "SELECT_DEVICE", deviceId: sms.id }, caller: ownerCaller }), { code: "NOT_FOUND" });
  assert.equal((await findSignInFlow({ userId: user.id, caller: ownerCaller }))?.id === flow.id, false);

  await db.flowExecution.update({ where: { id: flow.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
  const moved = await sendFlowEvent({ id: flow.id, userId: null, event: { type: "SELECT_DEVICE", deviceId: sms.id }, caller: shop });
  assert.equal(moved.view.section, "AUTHENTICATE_WITH_OTP");
  assert.ok(moved.expiresAt.getTime() > Date.now() + 9 * 60_000);
  // The code it sent is audited as the application's doing.
  const sent = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "otp.sent" }, orderBy: { createdAt: "desc" } });
  assert.equal(sent.applicationId, "app-shop");
  assert.equal(sent.actorId, null);

  // A browser flow is not the application's either.
  const portal = await startFlow({ kind: "device-authentication", userId: user.id, input: { maxResend: 3 }, door: "portal", caller: ownerCaller });
  await assert.rejects(getFlow({ id: portal.id, userId: null, caller: shop }), { code: "NOT_FOUND" });
});

test("over the API, racing events on one flow: one applies, the others are refused before any effect", async () => {
  const user = await createTestUser();
  const shop: Caller = { meta: {}, session: null, application: { id: "app-race" } };
  const input = { browser: { webauthn: true, platformAuthenticator: true } };
  const flow = await startFlow({ kind: "device-registration", userId: user.id, input, door: "api", caller: shop });
  assert.equal(flow.view.section, "SELECT_DEVICE");
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, () => sendFlowEvent({ id: flow.id, userId: null, event: { type: "SELECT_TYPE", deviceType: "TOTP" }, caller: shop })),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "CONFLICT");
  // One pending authenticator app, the winner's: the losers created nothing.
  assert.equal(await db.device.count({ where: { userId: user.id, type: "TOTP" } }), 1);
});
