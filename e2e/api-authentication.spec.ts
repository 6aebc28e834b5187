import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { totpCode } from "./fixtures/totp";
import { readOutbox } from "./fixtures/outbox";
import { addVirtualAuthenticator } from "./fixtures/webauthn";
import {
  act,
  advance,
  createCredential,
  e164,
  enrollmentBody,
  enrollSms,
  enrollTotp,
  expectLinks,
  freshPhone,
  getAssertion,
  passcodeSentTo,
  provisionUser,
  startFlow,
  type Execution,
} from "./fixtures/api-flows";

/**
 * Device authentication over the flow API (issue 10, seed 004): the states a client drives after its
 * own first factor, for every device type built so far, and how the flow fails.
 */
const authentication = (userId: string, input: Record<string, unknown> = {}) => ({ flow: "device-authentication", input: { user: { id: userId }, ...input } });

test("several devices: selection (masked, default first), an SMS code after a wrong one and a resend, a switch to the app, then completed", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = freshPhone();
  const smsId = await enrollSms(request, shop.secret, user.id, phone);
  const totp = await enrollTotp(request, shop.secret, user.id);

  const started = await startFlow(request, shop.secret, authentication(user.id));
  expect(started).toMatchObject({ flow: "device-authentication", status: "DEVICE_SELECTION_REQUIRED", user: { id: user.id } });
  expectLinks(started, ["device.select"]);
  const devices = started.devices as { id: string; type: string; isDefault: boolean; phone?: string }[];
  expect(devices.map((d) => [d.id, d.type, d.isDefault])).toEqual([
    [smsId, "SMS", true],
    [totp.deviceId, "TOTP", false],
  ]);
  // Before the second factor, two digits of the number at most.
  expect(devices[0]!.phone).toMatch(/\d{2}$/);
  expect(JSON.stringify(started)).not.toContain(e164(phone).slice(-4));

  // A device that is not in this flow's list is 404, and the state does not move.
  await expectProblem(await act(request, shop.secret, started, "device.select", { device: { id: "cm0000000000000000000000" } }), 404, "NOT_FOUND");

  const otp = await advance(request, shop.secret, started, "device.select", { device: { id: smsId } });
  expect(otp).toMatchObject({ status: "OTP_REQUIRED", selectedDevice: { id: smsId, type: "SMS" } });
  expectLinks(otp, ["otp.check", "otp.resend", "device.select"]);
  const first = await passcodeSentTo(request, e164(phone));
  const [sms] = await readOutbox(request, e164(phone));
  expect(sms!.body).toContain("to sign in");
  const wrong = await act(request, shop.secret, otp, "otp.check", { otp: first === "000000" ? "111111" : "000000" });
  expect((await expectProblem(wrong, 400, "VALIDATION_FAILED")).errors).toEqual([expect.objectContaining({ field: "otp" })]);
  const resent = await advance(request, shop.secret, otp, "otp.resend");
  expect(resent).toMatchObject({ status: "OTP_REQUIRED", notice: expect.stringContaining("new code") });
  await passcodeSentTo(request, e164(phone), first);

  // Change of mind: the authenticator app, straight from the code state. No resend for an app.
  const app = await advance(request, shop.secret, resent, "device.select", { device: { id: totp.deviceId } });
  expect(app).toMatchObject({ status: "OTP_REQUIRED", selectedDevice: { id: totp.deviceId, type: "TOTP" } });
  expectLinks(app, ["otp.check", "device.select"]);
  await expectProblem(await act(request, shop.secret, app, "otp.resend"), 409, "ACTION_NOT_ALLOWED");

  // The enrollment spent this time step's code (a code works once); the next step's is within the window.
  const next = totpCode(totp.secret, Date.now() + 30_000);
  const done = await advance(request, shop.secret, app, "otp.check", { otp: next }, { asJson: true });
  expect(done).toMatchObject({ status: "COMPLETED", result: "AUTHENTICATED", method: "totp", device: { id: totp.deviceId, type: "TOTP" }, expiresAt: null });
  expectLinks(done, []);
  // Replayed: the flow has ended.
  await expectProblem(await act(request, shop.secret, app, "otp.check", { otp: next }), 409, "ACTION_NOT_ALLOWED");
  expect(await db.device.findUniqueOrThrow({ where: { id: totp.deviceId } })).toMatchObject({ lastUsedAt: expect.any(Date) });
});

test("one device: straight to the code; with the code right it completes with the method", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = freshPhone();
  await enrollSms(request, shop.secret, user.id, phone);
  const started = await startFlow(request, shop.secret, authentication(user.id));
  expect(started.status).toBe("OTP_REQUIRED");
  expectLinks(started, ["otp.check", "otp.resend"]);
  const done = await advance(request, shop.secret, started, "otp.check", { otp: await passcodeSentTo(request, e164(phone), undefined) });
  expect(done).toMatchObject({ status: "COMPLETED", result: "AUTHENTICATED", method: "otp", device: { type: "SMS" } });
});

test("a passkey: request options, an assertion signed by Chromium's authenticator, completed as webauthn", async ({ page, request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  await page.goto("/sign-in");
  await addVirtualAuthenticator(page, "platform");
  const enrolling = await advance(request, shop.secret, await startFlow(request, shop.secret, enrollmentBody(user.id)), "device.create", { type: "PLATFORM" });
  const enrolled = await advance(request, shop.secret, enrolling, "device.activate", { attestation: await createCredential(page, enrolling.publicKeyCredentialCreationOptions) });
  const deviceId = (enrolled.device as { id: string }).id;

  const started = await startFlow(request, shop.secret, authentication(user.id));
  expect(started).toMatchObject({ status: "ASSERTION_REQUIRED", selectedDevice: { id: deviceId, type: "PLATFORM" } });
  expectLinks(started, ["assertion.check"]);
  // Reading the state again shows the same challenge: a poll does not void what the client is signing.
  const again = (await (await request.get(started._links.self.href, { headers: bearer(shop.secret) })).json()) as Execution;
  const options = started.publicKeyCredentialRequestOptions as { challenge: string };
  expect((again.publicKeyCredentialRequestOptions as { challenge: string }).challenge).toBe(options.challenge);

  const assertion = await getAssertion(page, options);
  const done = await advance(request, shop.secret, started, "assertion.check", { assertion });
  expect(done).toMatchObject({ status: "COMPLETED", result: "AUTHENTICATED", method: "webauthn", device: { id: deviceId, type: "PLATFORM" } });
  // The same assertion again: the flow has ended, and its challenge is spent.
  await expectProblem(await act(request, shop.secret, started, "assertion.check", { assertion }), 409, "ACTION_NOT_ALLOWED");
});

test("wrong codes until the account locks end the flow as FAILED LOCKED with until when; no device is FAILED NO_SECOND_FACTOR", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const totp = await enrollTotp(request, shop.secret, user.id);
  let state = await startFlow(request, shop.secret, authentication(user.id));
  expect(state.status).toBe("OTP_REQUIRED");
  const wrong = totpCode(totp.secret) === "000000" ? "111111" : "000000";
  for (let attempt = 1; attempt <= 20 && state.status === "OTP_REQUIRED"; attempt++) {
    const response = await act(request, shop.secret, state, "otp.check", { otp: wrong });
    if (response.status() === 200) state = (await response.json()) as Execution;
    else await expectProblem(response, 400, "VALIDATION_FAILED");
  }
  expect(state).toMatchObject({ status: "FAILED", error: { code: "LOCKED", message: expect.stringContaining("locked"), lockedUntil: expect.stringMatching(/^\d{4}-/) } });
  expect(new Date((state.error as { lockedUntil: string }).lockedUntil).getTime()).toBeGreaterThan(Date.now());
  expectLinks(state, []);

  const nobody = await provisionUser(request, shop.secret);
  const none = await startFlow(request, shop.secret, authentication(nobody.id));
  expect(none).toMatchObject({ status: "FAILED", error: { code: "NO_SECOND_FACTOR" } });
  expect(none).not.toHaveProperty("result");
});
