import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { createTestApplication, expectProblem } from "./fixtures/applications";
import { readOutbox } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { addVirtualAuthenticator } from "./fixtures/webauthn";
import {
  act,
  advance,
  createCredential,
  e164,
  enrollmentBody,
  expectLinks,
  freshPhone,
  passcodeSentTo,
  provisionUser,
  read,
  startFlow,
  type Execution,
} from "./fixtures/api-flows";
import { decodeQrDataUrl } from "./fixtures/qr";
import { createAuthenticatorClient, pairNewInstallation } from "../lib/authenticator-protocol/client";
import { MemoryKeyStore } from "../lib/authenticator-protocol/keys";
import { qrSecretFromUrl } from "../lib/authenticator-protocol/pairing-key";

/**
 * MFA enrollment over the flow API (issue 10, seed 003): every state and action for every device type
 * built so far, driven over HTTP as a customer's server would. The rules are the registration
 * subflow's: the same devices, passcodes, audit rows and notifications as the portal's.
 */

test("SMS: enrollment required, activation with the texted code after a wrong one and a resend, then completed; a replay is 409", async ({ request }) => {
  const shop = await createTestApplication({ name: "Shop" });
  const phone = freshPhone();
  const user = await provisionUser(request, shop.secret);
  const started = await startFlow(
    request,
    shop.secret,
    enrollmentBody(user.id, { user: { email: user.email, mobilePhone: phone }, template: { variables: { companyName: "Shop Europe" } } }, { template: { variant: "short" } }),
  );
  expect(started).toMatchObject({
    id: expect.any(String),
    flow: "mfa-enrollment",
    status: "DEVICE_ENROLLMENT_REQUIRED",
    user: { id: user.id },
    expiresAt: expect.stringMatching(/^\d{4}-/),
    email: user.email,
    mobilePhone: e164(phone),
    applications: [expect.objectContaining({ id: "authenticator", url: expect.stringMatching(/\/authenticator$/) })],
    mfaSettings: { lockout: { failureCount: expect.any(Number) }, otp: { length: 6 } },
  });
  expect([...(started.allowedTypes as string[])].sort()).toEqual(["EMAIL", "MOBILE", "PLATFORM", "SECURITY_KEY", "SMS", "TOTP", "VOICE"]);
  expectLinks(started, ["device.create", "device.skipEnrollment"]);

  // No phone in the action: the step's input.user.mobilePhone is used.
  const pending = await advance(request, shop.secret, started, "device.create", { type: "SMS", nickname: "Work phone" });
  expect(pending).toMatchObject({
    status: "ACTIVATION_REQUIRED",
    device: { id: expect.any(String), type: "SMS", status: "ACTIVATION_REQUIRED", nickname: "Work phone", phone: expect.stringMatching(/^\+?[•*\s\d]*\d{2,4}$/) },
    otp: { resendsLeft: 3 },
  });
  expect(JSON.stringify(pending)).not.toContain(e164(phone).slice(3, 9));
  expectLinks(pending, ["device.activate", "otp.resend", "device.delete"]);
  const first = await passcodeSentTo(request, e164(phone));
  // The template: the short variant, sent in the application's brand.
  const [sms] = await readOutbox(request, e164(phone));
  expect(sms!.body.split("\n")[0]).toBe(`${first} is your Shop Europe code. It expires in 10 minutes.`);

  const wrong = await act(request, shop.secret, pending, "device.activate", { otp: first === "000000" ? "111111" : "000000" });
  const problem = await expectProblem(wrong, 400, "VALIDATION_FAILED");
  expect(problem.errors).toEqual([expect.objectContaining({ field: "otp" })]);

  const resent = await advance(request, shop.secret, pending, "otp.resend");
  expect(resent).toMatchObject({ status: "ACTIVATION_REQUIRED", otp: { resendsLeft: 2, notice: expect.stringContaining("new code") } });
  const second = await passcodeSentTo(request, e164(phone), first);
  // The resend killed the first code.
  await expectProblem(await act(request, shop.secret, resent, "device.activate", { otp: first }), 400, "VALIDATION_FAILED");

  // Plain JSON naming the action works as well as the media type (for proxies that strip it).
  const done = await advance(request, shop.secret, resent, "device.activate", { otp: second }, { asJson: true });
  expect(done).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { id: expect.any(String), type: "SMS" }, expiresAt: null });
  expectLinks(done, []);
  const deviceId = (done.device as { id: string }).id;

  // A replayed action is refused: the flow has ended.
  const replay = await act(request, shop.secret, resent, "device.activate", { otp: second });
  expect(await expectProblem(replay, 409, "ACTION_NOT_ALLOWED")).toMatchObject({ allowedActions: [] });
  const read = await request.get(done._links.self.href, { headers: { Authorization: `Bearer ${shop.secret}` } });
  expect(await read.json()).toEqual(done);

  // The same device, audit rows and notification as a registration in the portal, naming the application.
  expect(await db.device.findUniqueOrThrow({ where: { id: deviceId } })).toMatchObject({ status: "ACTIVE", nickname: "Work phone", target: e164(phone), isDefault: true });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.added" } });
  expect(await db.auditEvent.findFirst({ where: { userId: user.id, action: "mfa.enabled" } })).toMatchObject({ applicationId: shop.id });
  expect(audit).toMatchObject({ applicationId: shop.id, actorId: null, deviceId });
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "otp.sent", applicationId: shop.id } })).toBe(2);
  await expect.poll(async () => (await readOutbox(request, user.email)).length).toBeGreaterThan(0);
});

test("EMAIL and VOICE: device.delete abandons the pending device and offers the types again; a call spells the code", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const started = await startFlow(request, shop.secret, enrollmentBody(user.id));
  expect(started).toMatchObject({ email: null, mobilePhone: null });

  // EMAIL with no address: the user's own.
  const emailPending = await advance(request, shop.secret, started, "device.create", { type: "EMAIL" });
  expect(emailPending).toMatchObject({ status: "ACTIVATION_REQUIRED", device: { type: "EMAIL", email: expect.stringContaining("@example.test") } });
  const pendingId = (emailPending.device as { id: string }).id;
  expect(await db.device.findUnique({ where: { id: pendingId } })).toMatchObject({ status: "ACTIVATION_REQUIRED" });
  await passcodeSentTo(request, user.email);

  const again = await advance(request, shop.secret, emailPending, "device.delete");
  expect(again.status).toBe("DEVICE_ENROLLMENT_REQUIRED");
  expectLinks(again, ["device.create", "device.skipEnrollment"]);
  expect(await db.device.findUnique({ where: { id: pendingId } })).toBeNull();

  // SMS or VOICE without any number is a 400 naming the field; the state does not move.
  const noPhone = await act(request, shop.secret, again, "device.create", { type: "VOICE" });
  expect((await expectProblem(noPhone, 400, "VALIDATION_FAILED")).errors).toEqual([expect.objectContaining({ field: "phone" })]);

  const phone = freshPhone();
  const voicePending = await advance(request, shop.secret, again, "device.create", { type: "VOICE", phone });
  expect(voicePending).toMatchObject({ status: "ACTIVATION_REQUIRED", device: { type: "VOICE" } });
  const [call] = await readOutbox(request, e164(phone));
  expect(call!.channel).toBe("voice");
  const done = await advance(request, shop.secret, voicePending, "device.activate", { otp: await passcodeSentTo(request, e164(phone)) });
  expect(done).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { type: "VOICE" } });
});

test("TOTP: the secret and key URI to show, activated with a code from them; device.skipEnrollment completes as SKIPPED", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const started = await startFlow(request, shop.secret, enrollmentBody(user.id));
  const pending = await advance(request, shop.secret, started, "device.create", { type: "TOTP", nickname: "Phone app" });
  expect(pending).toMatchObject({
    status: "ACTIVATION_REQUIRED",
    device: { type: "TOTP", status: "ACTIVATION_REQUIRED", secret: expect.stringMatching(/^[A-Z2-7]+$/), keyUri: expect.stringMatching(/^otpauth:\/\/totp\//), qrImage: expect.stringMatching(/^data:image\/png;base64,/) },
  });
  expectLinks(pending, ["device.activate", "device.delete"]);
  const secret = (pending.device as { secret: string }).secret;
  // An attestation is not how an authenticator app is activated.
  await expectProblem(await act(request, shop.secret, pending, "device.activate", { attestation: "{}" }), 400, "VALIDATION_FAILED");
  const done = await advance(request, shop.secret, pending, "device.activate", { otp: totpCode(secret) });
  expect(done).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { type: "TOTP" } });

  const other = await startFlow(request, shop.secret, enrollmentBody(user.id));
  const skipped = await advance(request, shop.secret, other, "device.skipEnrollment");
  expect(skipped).toMatchObject({ status: "COMPLETED", result: "SKIPPED", expiresAt: null });
  expect(skipped).not.toHaveProperty("device");
  expectLinks(skipped, []);
});

test("PLATFORM and SECURITY_KEY: creation options, a credential made by Chromium's authenticator, activated with its attestation", async ({ page, request, baseURL }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  // A page of ours without a ceremony of its own (the sign-in page holds an autofill request open).
  await page.goto("/sign-up");
  await addVirtualAuthenticator(page, "platform");

  const started = await startFlow(request, shop.secret, enrollmentBody(user.id));
  // An RP ID that is not ours is refused before anything changes.
  const foreignRp = await act(request, shop.secret, started, "device.create", { type: "PLATFORM", rp: { id: "evil.example" } });
  expect((await expectProblem(foreignRp, 400, "VALIDATION_FAILED")).errors).toEqual([expect.objectContaining({ field: "rp.id" })]);

  const pending = await advance(request, shop.secret, started, "device.create", { type: "PLATFORM", nickname: "Laptop", rp: { id: "localhost", name: "Shop" } });
  expect(pending).toMatchObject({ status: "ACTIVATION_REQUIRED", device: { type: "PLATFORM", status: "ACTIVATION_REQUIRED", nickname: "Laptop" } });
  expectLinks(pending, ["device.activate", "device.delete"]);
  const options = pending.publicKeyCredentialCreationOptions as { rp: { id: string; name: string }; challenge: string; user: { name: string } };
  expect(options).toMatchObject({ rp: { id: "localhost", name: "Shop" }, user: { name: user.email } });
  const attestation = await createCredential(page, options);

  // An origin the operator did not allow is refused, and the challenge is still good afterwards.
  const foreignOrigin = await act(request, shop.secret, pending, "device.activate", { attestation, origin: "https://evil.example" });
  expect((await expectProblem(foreignOrigin, 400, "VALIDATION_FAILED")).errors).toEqual([expect.objectContaining({ field: "origin" })]);
  const done = await advance(request, shop.secret, pending, "device.activate", { attestation: JSON.stringify(attestation), origin: new URL(baseURL!).origin });
  expect(done).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { id: expect.any(String), type: "PLATFORM" } });
  expect(await db.device.findUniqueOrThrow({ where: { id: (done.device as { id: string }).id } })).toMatchObject({ status: "ACTIVE", nickname: "Laptop" });

  // SECURITY_KEY_ONLY offers no passkey; a security key enrolls the same way.
  await addVirtualAuthenticator(page, "security-key");
  const keyOnly = await startFlow(request, shop.secret, enrollmentBody(user.id, { webauthn: { compatibility: "SECURITY_KEY_ONLY" } }));
  expect(keyOnly.allowedTypes).not.toContain("PLATFORM");
  expect(keyOnly.allowedTypes).toContain("SECURITY_KEY");
  expect(keyOnly.allowedTypes).toContain("MOBILE");
  const keyPending = await advance(request, shop.secret, keyOnly, "device.create", { type: "SECURITY_KEY" });
  const keyAttestation = await createCredential(page, keyPending.publicKeyCredentialCreationOptions);
  const keyDone = await advance(request, shop.secret, keyPending, "device.activate", { attestation: keyAttestation });
  expect(keyDone).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { type: "SECURITY_KEY" } });

  // NONE: no WebAuthn type at all.
  const none = await startFlow(request, shop.secret, enrollmentBody(user.id, { webauthn: { compatibility: "NONE" } }));
  expect(none.allowedTypes).not.toContain("PLATFORM");
  expect(none.allowedTypes).not.toContain("SECURITY_KEY");
  const refused = await act(request, shop.secret, none, "device.create", { type: "SECURITY_KEY" });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expect(refused.status()).toBeLessThan(500);
  expect(((await (await request.get(none._links.self.href, { headers: { Authorization: `Bearer ${shop.secret}` } })).json()) as Execution).status).toBe(
    "DEVICE_ENROLLMENT_REQUIRED",
  );
});

test("a wrong code too often ends the enrollment as FAILED with the reason, and removes nothing but the pending device", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = freshPhone();
  const started = await startFlow(request, shop.secret, enrollmentBody(user.id));
  let pending = await advance(request, shop.secret, started, "device.create", { type: "SMS", phone });
  const code = await passcodeSentTo(request, e164(phone));
  const wrongCode = code === "000000" ? "111111" : "000000";
  for (let attempt = 1; attempt <= 10; attempt++) {
    const response = await act(request, shop.secret, pending, "device.activate", { otp: wrongCode });
    if (response.status() === 200) {
      pending = (await response.json()) as Execution;
      break;
    }
    await expectProblem(response, 400, "VALIDATION_FAILED");
  }
  expect(pending).toMatchObject({ status: "FAILED", error: { code: expect.stringMatching(/^(TOO_MANY_ATTEMPTS|LOCKED)$/), message: expect.any(String) } });
  expectLinks(pending, []);
  await expectProblem(await act(request, shop.secret, pending, "device.activate", { otp: code }), 409, "ACTION_NOT_ALLOWED");
});

/**
 * MOBILE over the API: a customer's own phone app, built on lib/authenticator-protocol (here run in
 * Node against the server over HTTP, as a native app would), pairs with the key the flow hands out.
 */
test("MOBILE: pairing required with a key and QR code; a phone pairs with them and the flow completes; a second phone and an expired key fail with their codes", async ({ request, baseURL }) => {
  const shop = await createTestApplication({ name: "Shop" });
  const user = await provisionUser(request, shop.secret);
  const phoneApp = createAuthenticatorClient({ baseUrl: baseURL! });
  const newPhone = () => ({ keyStore: new MemoryKeyStore(), client: phoneApp });

  const started = await startFlow(request, shop.secret, enrollmentBody(user.id, { user: { email: user.email } }));
  const pairing = await advance(request, shop.secret, started, "device.create", { type: "MOBILE", nickname: "Pixel", application: { id: "authenticator" } });
  expect(pairing).toMatchObject({
    status: "PAIRING_REQUIRED",
    device: { id: expect.any(String), type: "MOBILE", status: "ACTIVATION_REQUIRED" },
    pairingKey: { code: expect.stringMatching(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/), qrUrl: expect.stringMatching(/\/authenticator\/pair#/), qrImage: expect.stringMatching(/^data:image\/png;base64,/), expiresAt: expect.any(String) },
  });
  expectLinks(pairing, ["device.delete"]);
  const key = (pairing.pairingKey as { code: string; qrUrl: string; qrImage: string; expiresAt: string });
  expect(new Date(key.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  // The QR image says what qrUrl says, as a phone's camera reads it.
  expect(decodeQrDataUrl(key.qrImage)).toBe(key.qrUrl);

  // The phone pairs by the typed key; the next read of the flow is COMPLETED.
  const { pairing: paired } = await pairNewInstallation({ ...newPhone(), key: key.code, account: user.email });
  expect(paired.deviceId).toBe((pairing.device as { id: string }).id);
  const completed = await read(request, shop.secret, pairing);
  expect(completed).toMatchObject({ status: "COMPLETED", result: "ENROLLED", device: { id: paired.deviceId, type: "MOBILE" } });
  expect(await db.device.findUniqueOrThrow({ where: { id: paired.deviceId } })).toMatchObject({ status: "ACTIVE", nickname: "Pixel" });

  // A second phone with the same key: PAIRING_KEY_USED, and the first phone keeps the device.
  await expect(pairNewInstallation({ ...newPhone(), key: qrSecretFromUrl(key.qrUrl)! })).rejects.toMatchObject({ code: "PAIRING_KEY_USED", status: 409 });

  // A key nobody used in time: the flow says MOBILE_PAIRING_FAILURE with the code; device.delete starts over.
  const again = await startFlow(request, shop.secret, enrollmentBody(user.id, { user: { email: user.email } }));
  const waiting = await advance(request, shop.secret, again, "device.create", { type: "MOBILE", application: { id: "authenticator" } });
  const waitingDevice = (waiting.device as { id: string }).id;
  await db.pairingKey.updateMany({ where: { deviceId: waitingDevice }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const failed = await read(request, shop.secret, waiting);
  expect(failed).toMatchObject({ status: "MOBILE_PAIRING_FAILURE", device: { id: waitingDevice }, error: { code: "PAIRING_KEY_EXPIRED", message: expect.any(String) } });
  expectLinks(failed, ["device.delete"]);
  const late = (waiting.pairingKey as { code: string }).code;
  await expect(pairNewInstallation({ ...newPhone(), key: late, account: user.email })).rejects.toMatchObject({ code: "PAIRING_KEY_EXPIRED" });
  const over = await advance(request, shop.secret, failed, "device.delete");
  expect(over.status).toBe("DEVICE_ENROLLMENT_REQUIRED");
  expect(await db.device.count({ where: { id: waitingDevice } })).toBe(0);
});
