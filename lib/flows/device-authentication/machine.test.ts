import { test } from "node:test";
import assert from "node:assert/strict";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { lockedMessage } from "@/lib/otp/messages";
import {
  createDeviceAuthenticationFlow,
  deviceAuthenticationInput,
  type DeviceAuthenticationInput,
  type DeviceAuthenticationServices,
  type DeviceAuthenticationState,
  type DeviceChoice,
} from "@/lib/flows/device-authentication/machine";

const choice = (id: string, type: DeviceChoice["type"], isDefault = false): DeviceChoice => ({
  id,
  type,
  typeLabel: type,
  nickname: id,
  maskedTarget: null,
  isDefault,
});

function fakes(options: { mfaEnabled?: boolean; devices?: DeviceChoice[]; codesSent?: number } = {}) {
  const calls: string[] = [];
  let sent = options.codesSent ?? 0;
  const services: DeviceAuthenticationServices = {
    getUser: async (id) => (id === "u1" ? { id, mfaEnabled: options.mfaEnabled ?? true } : null),
    requiresSecondFactor: async () => (options.mfaEnabled ?? true) && (options.devices ?? []).length > 0,
    usableDevices: async (_u, allowed) => (options.devices ?? []).filter((d) => !allowed || allowed.includes(d.type)),
    sendPasscode: async ({ deviceId }) => {
      sent += 1;
      calls.push(`send:${deviceId}`);
    },
    verifyPasscode: async ({ code }) => (code === "123456" ? { ok: true } : { ok: false, reason: "invalid" }),
    verifyTotp: async ({ code }) => (code === "654321" ? { ok: true } : { ok: false, reason: "replayed" }),
    authenticationOptions: async () => ({ challenge: "c" }),
    verifyAssertion: async () => ({ userVerified: true }),
    sendMagicLink: async () => {
      calls.push("magic-link");
    },
    codesSent: async () => sent,
    recordUse: async (_u, id) => {
      calls.push(`used:${id}`);
    },
  };
  return { services, calls };
}

function ctx(input: Partial<DeviceAuthenticationInput> = {}): FlowContext<DeviceAuthenticationInput> {
  return {
    flowId: "f1",
    userId: "u1",
    sessionId: "s1",
    input: deviceAuthenticationInput.parse({ maxResend: 1, ...input }),
    door: "portal",
    meta: {},
    adoptSession: async () => {},
    startSubflow: async () => "x",
  };
}

async function begin(services: DeviceAuthenticationServices, c = ctx(), platform = true) {
  const flow = createDeviceAuthenticationFlow(services);
  const start = await settle(flow, flow.initial(c.input), c);
  const event = flow.eventSchema.parse({ type: "BROWSER_CAPABILITIES", webauthn: "true", platformAuthenticator: String(platform) });
  return settle(flow, await flow.handle(start, event, c), c);
}

async function send(services: DeviceAuthenticationServices, state: DeviceAuthenticationState, event: unknown, c = ctx()) {
  const flow = createDeviceAuthenticationFlow(services);
  return settle(flow, await flow.handle(state, flow.eventSchema.parse(event), c), c);
}

test("one usable device and no magic link: straight to it, and its code is sent", async () => {
  const { services, calls } = fakes({ devices: [choice("sms", "SMS")] });
  const state = await begin(services);
  assert.equal(state.section, "AUTHENTICATE_WITH_OTP");
  assert.deepEqual(calls, ["send:sms"]);
});

test("one device with magic link enabled, or several devices: Device selection", async () => {
  const one = fakes({ devices: [choice("sms", "SMS")] });
  assert.equal((await begin(one.services, ctx({ magicLinkEnabled: true }))).section, "DEVICE_SELECTION");
  const several = fakes({ devices: [choice("a", "EMAIL"), choice("b", "TOTP", true)] });
  const state = await begin(several.services);
  assert.equal(state.section, "DEVICE_SELECTION");
  assert.deepEqual(several.calls, []);
});

test("MFA off or no usable device: magic link when enabled, else the 'no second factor' result", async () => {
  const off = fakes({ mfaEnabled: false, devices: [choice("sms", "SMS")] });
  const link = await begin(off.services, ctx({ magicLinkEnabled: true }));
  assert.equal(link.section, "CALL_MAGIC_LINK_AUTHENTICATION");
  assert.deepEqual(off.calls, ["magic-link"]);
  const none = fakes({ devices: [] });
  const flow = createDeviceAuthenticationFlow(none.services);
  assert.deepEqual(flow.result(await begin(none.services)), { status: "success", output: { ciam_subflowResult: "NO_SECOND_FACTOR" } });
});

test("what the browser claims it can do takes no registered factor off the choice", async () => {
  const { services } = fakes({ devices: [choice("pk", "PLATFORM", true), choice("totp", "TOTP")] });
  const state = await begin(services, ctx({ purpose: "step-up" }), false);
  assert.equal(state.section, "DEVICE_SELECTION");
  const offered = ((await createDeviceAuthenticationFlow(services).view(state, ctx())).data.devices as DeviceChoice[]).map((d) => d.id);
  assert.deepEqual(offered, ["pk", "totp"]);
});

test("with MFA on and no device usable here, the flow ends in NO_USABLE_DEVICE, never 'no second factor'", async () => {
  // Only email is registered, and email is not allowed (an emailed link was the first factor).
  const { services } = fakes({ devices: [choice("mail", "EMAIL")] });
  const flow = createDeviceAuthenticationFlow(services);
  const result = flow.result(await begin(services, ctx({ allowedDeviceTypes: ["SMS", "TOTP"] })));
  assert.equal(result?.status, "error");
  assert.equal(result?.output.ciam_errorDetails, "NO_USABLE_DEVICE");
});

test("the default device goes first when there is only one path", async () => {
  const { services } = fakes({ devices: [choice("key", "SECURITY_KEY", true)] });
  const state = await begin(services);
  assert.equal(state.section, "AUTHENTICATE_WITH_FIDO2");
});

test("a device id that is not in the flow's own list is not found", async () => {
  const { services } = fakes({ devices: [choice("a", "EMAIL"), choice("b", "SMS")] });
  const state = await begin(services);
  await assert.rejects(send(services, state, { type: "SELECT_DEVICE", deviceId: "someone-elses" }), { code: "NOT_FOUND" });
});

test("OTP: a right code succeeds and records use; a wrong one stays with a message", async () => {
  const { services, calls } = fakes({ devices: [choice("sms", "SMS")] });
  const state = await begin(services);
  await assert.rejects(send(services, state, { type: "SUBMIT_OTP", otp: "000000" }), { code: "VALIDATION" });
  const done = await send(services, state, { type: "SUBMIT_OTP", otp: "123456" });
  assert.deepEqual(done, { section: "RETURN_SUCCESS", authMethod: "otp", deviceId: "sms", deviceType: "SMS" });
  assert.ok(calls.includes("used:sms"));
});

test("resends share one budget per flow, and choosing the device again sends nothing past it", async () => {
  const { services, calls } = fakes({ devices: [choice("a", "EMAIL"), choice("b", "SMS")] });
  const selection = await begin(services);
  const otp = await send(services, selection, { type: "SELECT_DEVICE", deviceId: "b" });
  const resent = await send(services, otp, { type: "RESEND" });
  await assert.rejects(send(services, resent, { type: "RESEND" }), { code: "RATE_LIMITED" });
  const again = await send(services, await send(services, resent, { type: "CHANGE_DEVICE" }), { type: "SELECT_DEVICE", deviceId: "b" });
  assert.match((again as { notice?: string }).notice ?? "", /most new codes allowed/);
  assert.deepEqual(calls, ["send:b", "send:b"]);
});

test("cancel follows allowCancel; magic-link confirmation ends in success", async () => {
  const { services } = fakes({ devices: [choice("a", "EMAIL"), choice("b", "SMS")] });
  const selection = await begin(services);
  await assert.rejects(send(services, selection, { type: "CANCEL" }), { code: "CONFLICT" });
  const cancelled = await send(services, selection, { type: "CANCEL" }, ctx({ allowCancel: true }));
  assert.equal(cancelled.section, "RETURN_ERROR");
  const waiting = await send(services, selection, { type: "MAGIC_LINK" }, ctx({ magicLinkEnabled: true }));
  assert.equal(waiting.section, "CALL_MAGIC_LINK_AUTHENTICATION");
  const flow = createDeviceAuthenticationFlow(services);
  const done = await flow.handle(waiting, { type: "MAGIC_LINK_CONFIRMED" }, ctx({ magicLinkEnabled: true }));
  assert.deepEqual(flow.result(done), { status: "success", output: { ciam_subflowResult: "AUTHENTICATED", ciam_authMethod: "magic_link" } });
});

test("when the door already knows the browser, the flow opens on the device choice without asking it", async () => {
  const { services } = fakes({ devices: [choice("a", "EMAIL"), choice("b", "TOTP", true)] });
  const c = ctx({ browser: { webauthn: true, platformAuthenticator: false } });
  const flow = createDeviceAuthenticationFlow(services);
  const state = await settle(flow, flow.initial(c.input), c);
  assert.equal(state.section, "DEVICE_SELECTION");
  // Without it, the gathering section waits for the browser's event, as the source's hidden form does.
  const asking = await settle(flow, flow.initial(ctx().input), ctx());
  assert.equal(asking.section, "GATHER_BROWSER_AND_DEVICES");
});

test("failWhenStuck: a lockout ends the flow with until when, and a spent last code with nothing left to try ends it too; otherwise the code stays", async () => {
  const lockedUntil = new Date(Date.now() + 15 * 60_000);
  const { services } = fakes({ devices: [choice("sms", "SMS")], codesSent: 5 });
  services.verifyPasscode = async ({ code }) =>
    code === "111111" ? { ok: false, reason: "locked", lockedUntil } : code === "222222" ? { ok: false, reason: "exhausted" } : { ok: false, reason: "invalid" };
  const stuck = ctx({ failWhenStuck: true });
  const state = await begin(services, stuck);
  await assert.rejects(send(services, state, { type: "SUBMIT_OTP", otp: "000000" }, stuck), { code: "VALIDATION" });
  const locked = await send(services, state, { type: "SUBMIT_OTP", otp: "111111" }, stuck);
  assert.deepEqual(locked, { section: "RETURN_ERROR", errorMessage: lockedMessage(lockedUntil), errorDetails: "LOCKED", lockedUntil: lockedUntil.toISOString() });
  assert.equal(createDeviceAuthenticationFlow(services).result(locked)?.output.ciam_lockedUntil, lockedUntil.toISOString());
  const spent = await send(services, state, { type: "SUBMIT_OTP", otp: "222222" }, stuck);
  assert.equal(spent.section === "RETURN_ERROR" && spent.errorDetails, "TOO_MANY_ATTEMPTS");
  // The pages keep the section, where another device can be chosen.
  await assert.rejects(send(services, state, { type: "SUBMIT_OTP", otp: "111111" }), { code: "VALIDATION" });
});
