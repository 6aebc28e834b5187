import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { consumeChallenge } from "@/lib/webauthn/challenges";
import { generateAuthenticationOptionsForUser } from "@/lib/webauthn/generate-authentication-options";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { createTestCredentialDevice, createTestUser, newFlowId } from "@/lib/webauthn/test-fixtures";
import { withPolicy } from "@/lib/policy/test-fixtures";

const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

test("a user's active passkeys and security keys are allowed; blocked and unfinished ones are not", async () => {
  const user = await createTestUser();
  const passkey = await createTestCredentialDevice(user.id, { transports: "internal" });
  const key = await createTestCredentialDevice(user.id, { type: "SECURITY_KEY", transports: "usb,nfc" });
  await createTestCredentialDevice(user.id, { status: "BLOCKED" });
  await createTestCredentialDevice(user.id, { status: "ACTIVATION_REQUIRED" });
  const flowExecutionId = newFlowId();

  const options = await generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId });
  const allowed = [...(options.allowCredentials ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  const expected = [
    { id: passkey.credentialId!, type: "public-key", transports: ["internal"] },
    { id: key.credentialId!, type: "public-key", transports: ["usb", "nfc"] },
  ].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(allowed, expected);
  assert.equal(options.rpId, relyingParty().id);
  assert.equal(options.timeout, 300_000);
  assert.equal(await consumeChallenge({ userId: user.id, flowExecutionId, ceremony: "authentication", challenge: options.challenge }), true);
});

test("one device of the user's can be asked for", async () => {
  const user = await createTestUser();
  await createTestCredentialDevice(user.id);
  const chosen = await createTestCredentialDevice(user.id, { type: "SECURITY_KEY" });
  const options = await generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId(), deviceId: chosen.id });
  assert.deepEqual(options.allowCredentials?.map((c) => c.id), [chosen.credentialId]);
});

test("a foreign, unknown, unfinished or non-WebAuthn device id is not found, and no challenge is kept", async () => {
  const user = await createTestUser();
  await createTestCredentialDevice(user.id);
  const stranger = await createTestUser();
  const foreign = await createTestCredentialDevice(stranger.id);
  const pending = await createTestCredentialDevice(user.id, { status: "ACTIVATION_REQUIRED" });
  const sms = await db.device.create({ data: { userId: user.id, type: "SMS", status: "ACTIVE", nickname: "Phone", target: "+15550000001" } });
  const flowExecutionId = newFlowId();
  for (const deviceId of [foreign.id, "no-such-device", pending.id, sms.id]) {
    await assert.rejects(generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId, deviceId }), isCode("NOT_FOUND"));
  }
  assert.equal(await db.webAuthnChallenge.count({ where: { flowExecutionId } }), 0);
});

test("a blocked device fails before any prompt", async () => {
  const user = await createTestUser();
  const blocked = await createTestCredentialDevice(user.id, { status: "BLOCKED" });
  await assert.rejects(generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId(), deviceId: blocked.id }), isCode("FORBIDDEN"));
});

test("a user without an active passkey or security key gets no prompt", async () => {
  const user = await createTestUser();
  await createTestCredentialDevice(user.id, { status: "BLOCKED" });
  await assert.rejects(generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId() }), isCode("NOT_FOUND"));
});

test("without a user, any discoverable passkey may answer, and the challenge is kept anonymously", async () => {
  const flowExecutionId = newFlowId();
  const options = await generateAuthenticationOptionsForUser({ userId: null, flowExecutionId });
  assert.equal(options.allowCredentials, undefined);
  assert.equal(await consumeChallenge({ userId: null, flowExecutionId, ceremony: "authentication", challenge: options.challenge }), true);
  await assert.rejects(generateAuthenticationOptionsForUser({ userId: null, flowExecutionId, deviceId: "anything" }), isCode("NOT_FOUND"));
});

test("user verification follows the policy", async () => {
  const user = await createTestUser();
  await createTestCredentialDevice(user.id);
  await withPolicy({ webauthnUserVerification: "required" }, async () => {
    assert.equal((await generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId() })).userVerification, "required");
  });
  await withPolicy({ webauthnUserVerification: "discouraged" }, async () => {
    assert.equal((await generateAuthenticationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId() })).userVerification, "discouraged");
  });
});
