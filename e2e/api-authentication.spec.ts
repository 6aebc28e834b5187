import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { totpCode } from "./fixtures/totp";
import { readOutbox } from "./fixtures/outbox";
import { addVirtualAuthenticator } from "./fixtures/webauthn";
import { seedPairedPhone } from "./fixtures/mobile";
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
  read,
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
  // A page of ours without a ceremony of its own (the sign-in page holds an autofill request open).
  await page.goto("/sign-up");
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

// The mobile authenticator (issue 11): the phone's key is made by the app's own protocol module, its
// answers are signed with it and verified by the server's code against this database (fixtures/mobile.ts).
test("a paired phone: the number to show, push.poll while it waits, the phone's approval of that number completes it by push", async ({ request }) => {
  // The phone's side loads the server's flows in a process of its own (fixtures/mobile.ts).
  test.setTimeout(120_000);
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = await seedPairedPhone(user.id);

  const started = await startFlow(request, shop.secret, authentication(user.id));
  expect(started).toMatchObject({ status: "PUSH_CONFIRMATION_REQUIRED", selectedDevice: { id: phone.device.id, type: "MOBILE" }, number: expect.any(Number) });
  expectLinks(started, ["push.poll"]);
  const challenge = await phone.pendingChallenge();
  expect(started.number).toBe(challenge.number);
  expect(new Date(started.pushExpiresAt as string).getTime()).toBe(challenge.expiresAt.getTime());
  // The execution's own idle expiry is not the push's.
  expect(started.expiresAt).not.toBe(started.pushExpiresAt);

  const waiting = await advance(request, shop.secret, started, "push.poll");
  expect(waiting).toMatchObject({ status: "PUSH_CONFIRMATION_REQUIRED", number: challenge.number });
  await expectProblem(await act(request, shop.secret, waiting, "push.retry"), 409, "ACTION_NOT_ALLOWED");

  // Told to the flow (PUSH_DECIDED): completed without a poll.
  expect(await phone.answer(challenge.id, challenge.number, "APPROVE", { tellFlow: true })).toEqual({ status: "APPROVED" });
  const done = await read(request, shop.secret, waiting);
  expect(done).toMatchObject({ status: "COMPLETED", result: "AUTHENTICATED", method: "push", device: { id: phone.device.id, type: "MOBILE" } });
  expect((await db.device.findUniqueOrThrow({ where: { id: phone.device.id } })).lastUsedAt).toEqual(expect.any(Date));
  // A replay of the same approval finds nothing left to decide.
  expect(await phone.answer(challenge.id, challenge.number)).toEqual({ error: "CHALLENGE_DECIDED" });
});

test("a phone that denies, or approves the wrong number, fails the flow with PUSH_DENIED", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = await seedPairedPhone(user.id);

  const denied = await startFlow(request, shop.secret, authentication(user.id));
  const first = await phone.pendingChallenge();
  expect(await phone.answer(first.id, null, "DENY")).toEqual({ status: "DENIED" });
  // Not told to the flow here: push.poll reads the stored answer.
  expect(await advance(request, shop.secret, denied, "push.poll")).toMatchObject({ status: "FAILED", error: { code: "PUSH_DENIED", message: "You denied this sign-in on your phone." } });

  // A wrong number denies the request without an event to the flow; the next poll ends it on the stored answer.
  const mismatched = await startFlow(request, shop.secret, authentication(user.id));
  const second = await phone.pendingChallenge();
  expect(await phone.answer(second.id, second.number === 99 ? 98 : second.number + 1)).toEqual({ error: "NUMBER_MISMATCH" });
  const ended = await advance(request, shop.secret, mismatched, "push.poll");
  expect(ended).toMatchObject({ status: "FAILED", error: { code: "PUSH_DENIED" } });
});

test("a push that times out: push.retry sends a new one; with allowOtpFallback, the passcode the app shows completes it", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const phone = await seedPairedPhone(user.id);
  // The request's minute is up (PUSH_TIMEOUT_SECONDS): its row's expiry is moved into the past.
  const expire = async () => db.pushChallenge.updateMany({ where: { deviceId: phone.device.id, status: "PENDING" }, data: { expiresAt: new Date(Date.now() - 1000) } });

  const started = await startFlow(request, shop.secret, authentication(user.id, { allowOtpFallback: true }));
  const first = await phone.pendingChallenge();
  await expire();
  const timedOut = await read(request, shop.secret, started);
  expect(timedOut).toMatchObject({ status: "PUSH_CONFIRMATION_TIMED_OUT", selectedDevice: { id: phone.device.id } });
  expect(timedOut.number).toBeUndefined();
  expectLinks(timedOut, ["push.retry", "otp.fallback"]);
  // Too late: the expired request cannot be approved any more.
  expect(await phone.answer(first.id, first.number)).toEqual({ error: "CHALLENGE_EXPIRED" });

  const retried = await advance(request, shop.secret, timedOut, "push.retry");
  expect(retried).toMatchObject({ status: "PUSH_CONFIRMATION_REQUIRED" });
  const second = await phone.pendingChallenge();
  expect(second.id).not.toBe(first.id);
  expect(retried.number).toBe(second.number);

  await expire();
  const again = await read(request, shop.secret, retried);
  expect(again.status).toBe("PUSH_CONFIRMATION_TIMED_OUT");
  const passcode = await advance(request, shop.secret, again, "otp.fallback");
  expect(passcode).toMatchObject({ status: "MOBILE_PASSCODE_REQUIRED", selectedDevice: { id: phone.device.id, type: "MOBILE" } });
  expectLinks(passcode, ["otp.check", "push.retry"]);
  const wrong = await act(request, shop.secret, passcode, "otp.check", { otp: totpCode(phone.totpSecret) === "000000" ? "111111" : "000000" });
  await expectProblem(wrong, 400, "VALIDATION_FAILED");
  const done = await advance(request, shop.secret, passcode, "otp.check", { otp: totpCode(phone.totpSecret) });
  expect(done).toMatchObject({ status: "COMPLETED", result: "AUTHENTICATED", method: "mobile_passcode", device: { id: phone.device.id, type: "MOBILE" } });

  // Without allowOtpFallback the timed-out state offers no passcode.
  const plain = await startFlow(request, shop.secret, authentication(user.id));
  await expire();
  expectLinks(await read(request, shop.secret, plain), ["push.retry"]);
});

test("a blocked phone gets no push: choosing it is refused and the flow stays on the selection", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const totp = await enrollTotp(request, shop.secret, user.id);
  const phone = await seedPairedPhone(user.id, { isDefault: false });
  const started = await startFlow(request, shop.secret, authentication(user.id));
  expect(started.status).toBe("DEVICE_SELECTION_REQUIRED");
  await db.device.update({ where: { id: phone.device.id }, data: { status: "BLOCKED" } });
  await expectProblem(await act(request, shop.secret, started, "device.select", { device: { id: phone.device.id } }), 403, "FORBIDDEN");
  expect(await db.pushChallenge.count({ where: { deviceId: phone.device.id } })).toBe(0);
  const still = await read(request, shop.secret, started);
  expect(still.status).toBe("DEVICE_SELECTION_REQUIRED");
  expect((still.devices as { id: string }[]).map((d) => d.id)).toContain(totp.deviceId);
});
