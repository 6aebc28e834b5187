import { test } from "node:test";
import assert from "node:assert/strict";
import { wordMessages } from "@/lib/i18n/text";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { deviceEligibility } from "@/lib/devices/device-eligibility";
import {
  createDeviceRegistrationFlow,
  deviceRegistrationInput,
  type DeviceRegistrationServices,
  type DeviceRegistrationState,
  type DeviceRegistrationInput,
} from "@/lib/flows/device-registration/machine";

const features = { isSmsOTPEnabled: true, isEmailOTPEnabled: true, isFidoPasskeyEnabled: true };

/** In-memory services: the tests exercise the subflow's sections and nothing else. */
function fakes(
  options: {
    recent?: boolean;
    secondFactor?: boolean;
    existing?: ("SMS" | "EMAIL")[];
    maxPerUser?: number;
    emailDevices?: string[];
    pairing?: Awaited<ReturnType<DeviceRegistrationServices["pairingView"]>>;
    /** The device being added is the account's first: it brings recovery codes. */
    firstDevice?: boolean;
  } = {},
) {
  const calls: string[] = [];
  let next = 0;
  const services: DeviceRegistrationServices = {
    getUser: async (id) => (id === "u1" ? { id, email: "amy@example.com" } : null),
    isRecentlyAuthenticated: async () => options.recent ?? true,
    confirmPassword: async (_u, _s, password) => (password === "right" ? { id: "s2", userId: "u1" } : null),
    requiresSecondFactor: async () => options.secondFactor ?? false,
    eligibility: async (_u, allowed, browser) =>
      deviceEligibility({
        allowedDeviceTypes: allowed,
        features,
        limits: { maxDevicesPerUser: options.maxPerUser ?? 10, maxDevicesPerType: 3 },
        existing: options.existing ?? [],
        browser,
      }),
    emailDeviceTargets: async () => options.emailDevices ?? [],
    parsePhone: (input) => (input === "2025550123" ? { ok: true, e164: "+12025550123" } : { ok: false, field: "phone", message: "bad number" }),
    createPendingDevice: async (_u, type) => {
      calls.push(`create:${type}`);
      return { id: `d${++next}` };
    },
    deletePendingDevice: async (_u, id) => {
      calls.push(`delete:${id}`);
    },
    sendPasscode: async ({ deviceId, target }) => {
      calls.push(`send:${deviceId}:${target}`);
    },
    verifyPasscode: async ({ code }) =>
      code === "123456" ? { ok: true } : code === "999999" ? { ok: false, reason: "exhausted" } : { ok: false, reason: "invalid", attemptsLeft: 2 },
    verifyTotp: async ({ code }) => (code === "654321" ? { ok: true } : { ok: false, reason: "replayed" }),
    totpEnrolment: async () => ({ uri: "otpauth://totp/x", qrDataUrl: "data:", secret: "ABC" }),
    activateDevice: async (_u, id) => {
      calls.push(`activate:${id}`);
    },
    registrationOptions: async () => ({ challenge: "c" }),
    verifyRegistration: async ({ type }) => {
      calls.push(`verify:${type}`);
      return { deviceId: "fido" };
    },
    maskTarget: (_t, target) => `masked:${target.slice(-2)}`,
    maxResends: async () => 2,
    startPairing: async ({ deviceId }) => {
      calls.push(`pair:${deviceId}`);
      return { sealed: `sealed-${deviceId}-${calls.length}`, expiresAt: new Date(Date.now() + 600_000) };
    },
    recoveryCodesForFirstDevice: async () => {
      if (!options.firstDevice) return null;
      calls.push("recovery-codes");
      return "sealed-codes";
    },
    openRecoveryCodes: (sealed) => (sealed === "sealed-codes" ? ["ABCDE-FGHJK", "MNPQR-STUVW"] : null),
    pairingView: async () => options.pairing ?? { status: "PENDING", pairingKey: "K7Q2M-9XW4D", qrUrl: "https://x/authenticator/pair#s", qrDataUrl: "data:", expiresAt: new Date(), account: "amy@example.com" },
  };
  return { services, calls };
}

const browser = { webauthn: true, platformAuthenticator: true };

function ctx(input: Partial<DeviceRegistrationInput> = {}): FlowContext<DeviceRegistrationInput> {
  return {
    flowId: "f1",
    userId: "u1",
    sessionId: "s1",
    input: deviceRegistrationInput.parse(input),
    door: "portal",
    meta: {},
    adoptSession: async () => {},
    startSubflow: async () => "x",
  };
}

async function run(services: DeviceRegistrationServices, state: DeviceRegistrationState, event: unknown, c = ctx()) {
  const flow = createDeviceRegistrationFlow(services);
  return settle(flow, await flow.handle(state, flow.eventSchema.parse(event), c), c);
}

async function atSelection(services: DeviceRegistrationServices, c = ctx()) {
  const flow = createDeviceRegistrationFlow(services);
  const start = await settle(flow, flow.initial(c.input), c);
  assert.equal(start.section, "GATHER_DEVICE_TYPES");
  return run(services, start, { type: "BROWSER_CAPABILITIES", webauthn: "true", platformAuthenticator: "false" }, c);
}

test("browser capabilities decide the offer: no platform authenticator, no passkey", async () => {
  const { services } = fakes();
  const state = await atSelection(services);
  assert.deepEqual(state, { section: "SELECT_DEVICE", browser: { webauthn: true, platformAuthenticator: false } });
  const view = await createDeviceRegistrationFlow(services).view(state, ctx());
  const eligibility = view.data.eligibility as { type: string; available: boolean }[];
  assert.equal(eligibility.find((e) => e.type === "PLATFORM")?.available, false);
  assert.equal(eligibility.find((e) => e.type === "SECURITY_KEY")?.available, true);
});

test("a stale sign-in of an account without a second factor must confirm the password first", async () => {
  const { services } = fakes({ recent: false });
  const state = await atSelection(services);
  assert.equal(state.section, "CONFIRM_PASSWORD");
  await assert.rejects(run(services, state, { type: "CONFIRM_PASSWORD", password: "wrong" }), { code: "VALIDATION" });
});

test("a stale sign-in of an account with a second factor is never offered the password", async () => {
  const { services } = fakes({ recent: false, secondFactor: true });
  const flow = createDeviceRegistrationFlow(services);
  const state = await atSelection(services);
  assert.equal(state.section, "RETURN_ERROR");
  assert.equal(flow.result(state)?.output.ciam_errorDetails, "REAUTH_REQUIRED");
});

test("when nothing can be added the subflow ends in Return Error with the reason", async () => {
  const { services } = fakes({ maxPerUser: 1, existing: ["SMS"] });
  const flow = createDeviceRegistrationFlow(services);
  const state = await atSelection(services);
  assert.deepEqual(wordMessages(flow.result(state), "en"), {
    status: "error",
    output: { ciam_subflowResult: "ERROR", ciam_errorMessage: "You have reached the limit of 1 devices.", ciam_errorDetails: "NO_DEVICE_TYPE_AVAILABLE" },
  });
});

test("SMS: the number is validated, a pending device is created and a code sent; the right code activates it", async () => {
  const { services, calls } = fakes();
  const flow = createDeviceRegistrationFlow(services);
  const phone = await run(services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "SMS" });
  assert.equal(phone.section, "ENTER_PHONE");
  await assert.rejects(run(services, phone, { type: "SUBMIT_PHONE", country: "US", phone: "123" }), { code: "VALIDATION", fieldErrors: { phone: ["bad number"] } });
  assert.deepEqual(calls, []);
  const asking = await run(services, phone, { type: "SUBMIT_PHONE", country: "US", phone: "2025550123" });
  assert.equal(asking.section, "ASK_FOR_OTP");
  assert.deepEqual(calls, ["create:SMS", "send:d1:+12025550123"]);
  await assert.rejects(run(services, asking, { type: "SUBMIT_OTP", otp: "000000" }), { code: "VALIDATION" });
  const done = await run(services, asking, { type: "SUBMIT_OTP", otp: "123456" });
  assert.deepEqual(flow.result(done), {
    status: "success",
    output: { ciam_subflowResult: "ENROLLED", ciam_authMethod: "SMS", device: { id: "d1", type: "SMS" } },
  });
  assert.deepEqual(calls.slice(2), ["activate:d1"]);
});

test("Resend OTP deletes the pending device and creates a new one; past maxResend it ends in Return Error", async () => {
  const { services, calls } = fakes();
  let state: DeviceRegistrationState = {
    section: "ASK_FOR_OTP",
    browser,
    type: "EMAIL",
    target: "amy@example.com",
    resendCount: 0,
    deviceId: "d0",
  };
  state = await run(services, state, { type: "RESEND" });
  assert.equal(state.section, "ASK_FOR_OTP");
  assert.deepEqual(calls, ["delete:d0", "create:EMAIL", "send:d1:amy@example.com"]);
  state = await run(services, state, { type: "RESEND" });
  const flow = createDeviceRegistrationFlow(services);
  assert.equal((await flow.view(state, ctx())).actions.includes("RESEND"), false);
  const ended = await run(services, state, { type: "RESEND" });
  assert.equal(ended.section, "RETURN_ERROR");
});

test("an exhausted code ends in Return Error instead of asking again", async () => {
  const { services } = fakes();
  const state: DeviceRegistrationState = { section: "ASK_FOR_OTP", browser, type: "EMAIL", target: "a@b.c", resendCount: 0, deviceId: "d0" };
  assert.equal((await run(services, state, { type: "SUBMIT_OTP", otp: "999999" })).section, "RETURN_ERROR");
});

test("email uses the known address unless it is already a device", async () => {
  const direct = fakes();
  const asking = await run(direct.services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "EMAIL" });
  assert.equal(asking.section, "ASK_FOR_OTP");
  assert.deepEqual(direct.calls, ["create:EMAIL", "send:d1:amy@example.com"]);

  const taken = fakes({ emailDevices: ["amy@example.com"] });
  const form = await run(taken.services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "EMAIL" });
  assert.equal(form.section, "ENTER_EMAIL");
  await assert.rejects(run(taken.services, form, { type: "SUBMIT_EMAIL", email: "AMY@example.com" }), { code: "VALIDATION" });
});

test("TOTP: a pending device with a secret; a replayed code is refused; FIDO2 verifies the attestation", async () => {
  const { services, calls } = fakes();
  const setup = await run(services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "TOTP" });
  assert.deepEqual(setup, { section: "SET_UP_AUTHENTICATOR_APP", browser, deviceId: "d1" });
  await assert.rejects(run(services, setup, { type: "SUBMIT_OTP", otp: "111111" }), { code: "VALIDATION" });
  assert.equal((await run(services, setup, { type: "SUBMIT_OTP", otp: "654321" })).section, "RETURN_SUCCESS");

  const fido = await run(services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "SECURITY_KEY" });
  assert.equal(fido.section, "REGISTER_FIDO2_DEVICE");
  await assert.rejects(run(services, fido, { type: "FIDO2_ATTESTATION", attestation: "{not json" }), { code: "VALIDATION" });
  const done = await run(services, fido, { type: "FIDO2_ATTESTATION", attestation: "{}" });
  assert.equal(done.section, "RETURN_SUCCESS");
  assert.ok(calls.includes("verify:SECURITY_KEY"));
});

test("password and cancel follow the inputs", async () => {
  const { services, calls } = fakes();
  const select: DeviceRegistrationState = { section: "SELECT_DEVICE", browser };
  const strict = ctx({ passwordlessRequired: true, allowCancel: false });
  await assert.rejects(run(services, select, { type: "USE_PASSWORD" }, strict), { code: "CONFLICT" });
  await assert.rejects(run(services, select, { type: "CANCEL" }, strict), { code: "CONFLICT" });
  const view = await createDeviceRegistrationFlow(services).view(select, strict);
  assert.deepEqual(view.actions, ["SELECT_TYPE"]);

  assert.deepEqual(await run(services, select, { type: "USE_PASSWORD" }), { section: "RETURN_SUCCESS", subflowResult: "PASSWORD" });
  const asking: DeviceRegistrationState = { section: "ASK_FOR_OTP", browser, type: "EMAIL", target: "a@b.c", resendCount: 0, deviceId: "d9" };
  assert.deepEqual(await run(services, asking, { type: "CANCEL" }), { section: "RETURN_SUCCESS", subflowResult: "CANCELED" });
  assert.deepEqual(calls, ["delete:d9"]);
});

test("allowedDeviceTypes limits what is offered", async () => {
  const { services } = fakes();
  const c = ctx({ allowedDeviceTypes: ["SMS", "EMAIL"] });
  const view = await createDeviceRegistrationFlow(services).view({ section: "SELECT_DEVICE", browser }, c);
  assert.deepEqual((view.data.eligibility as { type: string }[]).map((e) => e.type), ["SMS", "EMAIL"]);
  await assert.rejects(run(services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "TOTP" }, c), { code: "CONFLICT" });
});

test("over the API: no session to be recent, capabilities from the input, and a number given with the choice goes straight to its code", async () => {
  const { services, calls } = fakes({ recent: false, secondFactor: true });
  const flow = createDeviceRegistrationFlow(services);
  const api = { ...ctx({ browser: { webauthn: true, platformAuthenticator: true } }), door: "api" as const, sessionId: null };
  const start = await settle(flow, flow.initial(api.input), api);
  assert.equal(start.section, "SELECT_DEVICE");

  // Without a country a number must be international; the rules of the number section apply.
  await assert.rejects(run(services, start, { type: "SELECT_TYPE", deviceType: "SMS", phone: "2025550123" }, api), { code: "VALIDATION" });
  const asking = await run(services, start, { type: "SELECT_TYPE", deviceType: "SMS", phone: "2025550123", country: "US", nickname: "Desk" }, api);
  assert.equal(asking.section, "ASK_FOR_OTP");
  assert.equal(asking.section === "ASK_FOR_OTP" && asking.nickname, "Desk");
  assert.deepEqual(calls.slice(-2), ["create:SMS", "send:d1:+12025550123"]);

  // An email address given with the choice must not already be a device.
  const taken = fakes({ emailDevices: ["amy@example.com"] });
  await assert.rejects(run(taken.services, start, { type: "SELECT_TYPE", deviceType: "EMAIL", email: "amy@example.com" }, api), { code: "VALIDATION" });
  const email = await run(taken.services, start, { type: "SELECT_TYPE", deviceType: "EMAIL", email: "work@example.com" }, api);
  assert.equal(email.section, "ASK_FOR_OTP");
});

test("a portal registration in a stale session still asks first, whatever the input says", async () => {
  const { services } = fakes({ recent: false });
  const flow = createDeviceRegistrationFlow(services);
  const portal = ctx({ browser: { webauthn: true, platformAuthenticator: true } });
  assert.equal((await settle(flow, flow.initial(portal.input), portal)).section, "CONFIRM_PASSWORD");
});

test("mobile authenticator: a pending device and a pairing key; the phone's pairing ends it ENROLLED; an expired key can be started again", async () => {
  const { services, calls } = fakes();
  const flow = createDeviceRegistrationFlow(services);
  const selection = await atSelection(services);
  const pairing = await run(services, selection, { type: "SELECT_TYPE", deviceType: "MOBILE" });
  assert.equal(pairing.section, "PAIR_MOBILE_DEVICE");
  assert.deepEqual(calls.slice(-2), ["create:MOBILE", "pair:d1"]);
  const view = await flow.view(pairing, ctx());
  assert.deepEqual(view.actions, ["BACK", "CANCEL"]);
  assert.equal(view.data.pairingKey, "K7Q2M-9XW4D");
  // The sealed key stays in the state; nothing of it in clear.
  assert.ok(!JSON.stringify(pairing).includes("K7Q2M"));

  // Another device's pairing is not this flow's.
  await assert.rejects(flow.handle(pairing, { type: "MOBILE_PAIRED", deviceId: "d9" }, ctx()), { code: "CONFLICT" });
  const done = await flow.handle(pairing, { type: "MOBILE_PAIRED", deviceId: "d1" }, ctx());
  assert.deepEqual(flow.result(done), { status: "success", output: { ciam_subflowResult: "ENROLLED", ciam_authMethod: "MOBILE", device: { id: "d1", type: "MOBILE" } } });

  const expired = fakes({ pairing: { status: "EXPIRED" } });
  const stale = await createDeviceRegistrationFlow(expired.services).view(pairing, ctx());
  assert.deepEqual(stale.actions, ["RESTART", "BACK", "CANCEL"]);
  const again = await run(expired.services, pairing, { type: "RESTART" });
  assert.equal(again.section === "PAIR_MOBILE_DEVICE" && again.deviceId, "d1");
  assert.notEqual(again.section === "PAIR_MOBILE_DEVICE" && again.sealed, pairing.section === "PAIR_MOBILE_DEVICE" && pairing.sealed);
  // Back: the pending phone is deleted.
  await run(services, pairing, { type: "BACK" });
  assert.equal(calls.at(-1), "delete:d1");
});

test("the first device brings recovery codes, shown once before the flow returns; a later device does not; nor over the API", async () => {
  const first = fakes({ firstDevice: true });
  const flow = createDeviceRegistrationFlow(first.services);
  const chosen = await run(first.services, await atSelection(first.services), { type: "SELECT_TYPE", deviceType: "TOTP" });
  const shown = await run(first.services, chosen, { type: "SUBMIT_OTP", otp: "654321" });
  assert.equal(shown.section, "SHOW_RECOVERY_CODES");
  assert.equal(flow.result(shown), null);
  const view = await flow.view(shown, ctx());
  assert.deepEqual(view.actions, ["CONTINUE"]);
  assert.deepEqual(view.data.codes, ["ABCDE-FGHJK", "MNPQR-STUVW"]);
  // Nothing else is taken here; going on (or leaving) keeps the device and ends ENROLLED.
  await assert.rejects(run(first.services, shown, { type: "SUBMIT_OTP", otp: "654321" }), { code: "CONFLICT" });
  for (const type of ["CONTINUE", "CANCEL"]) {
    const done = await run(first.services, shown, { type });
    assert.deepEqual(done, { section: "RETURN_SUCCESS", subflowResult: "ENROLLED", authMethod: "TOTP", deviceId: "d1" });
  }
  assert.ok(!first.calls.some((c) => c.startsWith("delete:")));

  const later = fakes();
  const again = await run(later.services, await run(later.services, await atSelection(later.services), { type: "SELECT_TYPE", deviceType: "TOTP" }), { type: "SUBMIT_OTP", otp: "654321" });
  assert.equal(again.section, "RETURN_SUCCESS");

  const api = fakes({ firstDevice: true });
  const apiCtx = { ...ctx({ browser }), door: "api" as const };
  const viaApi = await run(api.services, await run(api.services, { section: "SELECT_DEVICE", browser }, { type: "SELECT_TYPE", deviceType: "TOTP" }, apiCtx), { type: "SUBMIT_OTP", otp: "654321" }, apiCtx);
  assert.equal(viaApi.section, "RETURN_SUCCESS");
  assert.ok(!api.calls.includes("recovery-codes"));
});
