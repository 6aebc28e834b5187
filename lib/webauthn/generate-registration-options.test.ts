import { test } from "node:test";
import assert from "node:assert/strict";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { consumeChallenge } from "@/lib/webauthn/challenges";
import { generateRegistrationOptionsForUser } from "@/lib/webauthn/generate-registration-options";
import { relyingParty, relyingPartyName } from "@/lib/webauthn/relying-party";
import { createTestCredentialDevice, createTestUser, newFlowId } from "@/lib/webauthn/test-fixtures";
import { withPolicy } from "@/lib/policy/test-fixtures";

async function withUserVerification<T>(value: "required" | "preferred" | "discouraged", run: () => Promise<T>) {
  return withPolicy({ webauthnUserVerification: value }, run);
}

test("a passkey is platform and discoverable; the user is named by id bytes, email and name", async () => {
  const user = await createTestUser({ name: "Ada Lovelace" });
  const flowExecutionId = newFlowId();
  const options = await generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId, type: "PLATFORM" });
  assert.equal(options.authenticatorSelection?.authenticatorAttachment, "platform");
  assert.equal(options.authenticatorSelection?.residentKey, "required");
  assert.equal(options.authenticatorSelection?.requireResidentKey, true);
  assert.equal(options.attestation, "none");
  assert.equal(options.rp.id, relyingParty().id);
  assert.equal(options.rp.name, await relyingPartyName());
  assert.equal(isoBase64URL.toUTF8String(options.user.id), user.id);
  assert.equal(options.user.name, user.email);
  assert.equal(options.user.displayName, "Ada Lovelace");
  assert.equal(options.timeout, 300_000);
  assert.deepEqual(options.excludeCredentials, []);
  // The challenge was kept for exactly this user, flow and ceremony.
  assert.equal(await consumeChallenge({ userId: user.id, flowExecutionId, ceremony: "authentication", challenge: options.challenge }), false);
  assert.equal(await consumeChallenge({ userId: user.id, flowExecutionId, ceremony: "registration", challenge: options.challenge }), true);
});

test("a security key is cross-platform and not discoverable; without a name the email is shown", async () => {
  const user = await createTestUser();
  const options = await generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId(), type: "SECURITY_KEY" });
  assert.equal(options.authenticatorSelection?.authenticatorAttachment, "cross-platform");
  assert.equal(options.authenticatorSelection?.residentKey, "discouraged");
  assert.equal(options.authenticatorSelection?.requireResidentKey, false);
  assert.equal(options.user.displayName, user.email);
});

test("the user's existing credentials are excluded, blocked ones too, other users' and other devices not", async () => {
  const user = await createTestUser();
  const active = await createTestCredentialDevice(user.id, { transports: "internal,hybrid" });
  const blocked = await createTestCredentialDevice(user.id, { type: "SECURITY_KEY", status: "BLOCKED", transports: "usb" });
  await db.device.create({ data: { userId: user.id, type: "SMS", status: "ACTIVE", nickname: "Phone", target: "+15550000000" } });
  const stranger = await createTestUser();
  await createTestCredentialDevice(stranger.id);

  const options = await generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId(), type: "PLATFORM" });
  const excluded = [...(options.excludeCredentials ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  const expected = [
    { id: active.credentialId!, type: "public-key", transports: ["internal", "hybrid"] },
    { id: blocked.credentialId!, type: "public-key", transports: ["usb"] },
  ].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(excluded, expected);
});

test("user verification follows the policy", async () => {
  const user = await createTestUser();
  for (const value of ["required", "preferred", "discouraged"] as const) {
    const options = await withUserVerification(value, () =>
      generateRegistrationOptionsForUser({ userId: user.id, flowExecutionId: newFlowId(), type: "SECURITY_KEY" }),
    );
    assert.equal(options.authenticatorSelection?.userVerification, value);
  }
});

test("an unknown user is not found", async () => {
  await assert.rejects(
    generateRegistrationOptionsForUser({ userId: "no-such-user", flowExecutionId: newFlowId(), type: "PLATFORM" }),
    (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND",
  );
});
