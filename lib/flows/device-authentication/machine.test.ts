import { test } from "node:test";
import { englishOf, type Message } from "@/lib/i18n/text";
import assert from "node:assert/strict";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { AppError } from "@/lib/errors/app-error";
import { lockedMessage } from "@/lib/otp/messages";
import {
  createDeviceAuthenticationFlow,
  deviceAuthenticationInput,
  type DeviceAuthenticationInput,
  type DeviceAuthenticationServices,
  type DeviceAuthenticationState,
  type DeviceChoice,
  type PushStatus,
} from "@/lib/flows/device-authentication/machine";

const choice = (id: string, type: DeviceChoice["type"], isDefault = false): DeviceChoice => ({
  id,
  type,
  typeLabel: type,
  nickname: id,
  maskedTarget: null,
  isDefault,
});

function fakes(
  options: {
    mfaEnabled?: boolean;
    devices?: DeviceChoice[];
    codesSent?: number;
    blocked?: string[];
    locked?: Record<string, Date>;
    /** The account's unused recovery codes (none unless given), and a lock on them. */
    recoveryCodes?: string[];
    recoveryLockedUntil?: Date;
  } = {},
) {
  const calls: string[] = [];
  const recoveryCodes = [...(options.recoveryCodes ?? [])];
  let sent = options.codesSent ?? 0;
  /** The flow's push challenges, newest last, as lib/mobile keeps them. */
  const pushes: { id: string; number: number; status: PushStatus }[] = [];
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
    deviceLockedUntil: async (_u, id) => options.locked?.[id] ?? null,
    sendPush: async ({ deviceId }) => {
      if (options.blocked?.includes(deviceId)) throw new AppError("FORBIDDEN", "This phone is blocked for the account.");
      for (const p of pushes) if (p.status === "PENDING") p.status = "CANCELED";
      const push = { id: `ch${pushes.length + 1}`, number: 42 + pushes.length, status: "PENDING" as PushStatus };
      pushes.push(push);
      calls.push(`push:${deviceId}`);
      return { id: push.id, number: push.number, expiresAt: new Date(Date.now() + 60_000) };
    },
    pushStatus: async () => {
      const last = pushes.at(-1);
      return last ? { id: last.id, status: last.status } : null;
    },
    cancelPush: async () => {
      for (const p of pushes) if (p.status === "PENDING") p.status = "CANCELED";
      calls.push("push-cancelled");
    },
    verifyMobilePasscode: async ({ code }) => (code === "246810" ? { ok: true } : { ok: false, reason: "invalid" }),
    recoveryCodes: async () => ({ left: recoveryCodes.length, lockedUntil: options.recoveryLockedUntil ?? null }),
    redeemRecoveryCode: async ({ code }) => {
      calls.push(`recovery:${code}`);
      if (options.recoveryLockedUntil) return { ok: false, reason: "locked", lockedUntil: options.recoveryLockedUntil };
      const at = recoveryCodes.indexOf(code);
      if (at < 0) return { ok: false, reason: "invalid", attemptsLeft: 4 };
      recoveryCodes.splice(at, 1);
      return { ok: true, left: recoveryCodes.length };
    },
  };
  /** What happens to the newest challenge elsewhere: the phone decides, or its time runs out. */
  const settleLast = (status: PushStatus) => {
    pushes.at(-1)!.status = status;
  };
  return { services, calls, pushes, settleLast };
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
  assert.match(englishOf((again as { notice?: Message }).notice ?? ""), /most new codes allowed/);
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

const phone = () => choice("phone", "MOBILE", true);

/** The internal event the phone's verified decision sends (never through a door's schema). */
async function decide(services: DeviceAuthenticationServices, state: DeviceAuthenticationState, challengeId: string, status: "APPROVED" | "DENIED", c = ctx()) {
  const flow = createDeviceAuthenticationFlow(services);
  return settle(flow, await flow.handle(state, { type: "PUSH_DECIDED", challengeId, status }, c), c);
}

const view = (services: DeviceAuthenticationServices, state: DeviceAuthenticationState, c = ctx()) => createDeviceAuthenticationFlow(services).view(state, c);

test("a paired phone as the only device: a push is sent and the section waits with its number and expiry", async () => {
  const { services, calls } = fakes({ devices: [phone()] });
  const state = await begin(services);
  assert.equal(state.section, "AUTHENTICATE_WITH_PUSH");
  assert.deepEqual(calls, ["push:phone"]);
  const shown = await view(services, state, ctx({ allowCancel: true }));
  assert.deepEqual(shown.actions, ["POLL", "USE_RECOVERY_CODE", "CANCEL"]);
  assert.equal(shown.data.number, 42);
  assert.equal(shown.data.timedOut, false);
  assert.equal(shown.data.decided, false);
  assert.match(String(shown.data.expiresAt), /^\d{4}-\d\d-\d\dT/);
  // Neither retry nor the passcode while the push is pending.
  await assert.rejects(send(services, state, { type: "RETRY" }), { code: "CONFLICT" });
  await assert.rejects(send(services, state, { type: "USE_PASSCODE" }, ctx({ allowOtpFallback: true })), { code: "CONFLICT" });
});

test("the phone approves: Return Success by push with the device; POLL before that changes nothing", async () => {
  const { services, settleLast } = fakes({ devices: [phone()] });
  const state = await begin(services);
  assert.deepEqual(await send(services, state, { type: "POLL" }), state);
  settleLast("APPROVED");
  const done = await decide(services, state, "ch1", "APPROVED");
  assert.deepEqual(done, { section: "RETURN_SUCCESS", authMethod: "push", deviceId: "phone", deviceType: "MOBILE" });
  assert.deepEqual(createDeviceAuthenticationFlow(services).result(done), {
    status: "success",
    output: { ciam_subflowResult: "AUTHENTICATED", ciam_authMethod: "push", ciam_deviceId: "phone" },
  });
});

test("the phone denies: Return Error PUSH_DENIED, shown as such", async () => {
  const { services } = fakes({ devices: [phone()] });
  const state = await begin(services);
  const denied = await decide(services, state, "ch1", "DENIED");
  assert.deepEqual({ ...denied, errorMessage: englishOf((denied as { errorMessage: Message }).errorMessage) }, {
    section: "RETURN_ERROR",
    errorMessage: "You denied this sign-in on your phone.",
    errorDetails: "PUSH_DENIED",
  });
});

test("a decision on another challenge, or outside the push section, is not this section's answer", async () => {
  const { services } = fakes({ devices: [phone(), choice("sms", "SMS")] });
  const selection = await begin(services);
  await assert.rejects(decide(services, selection, "ch1", "APPROVED"), { code: "CONFLICT" });
  const state = await send(services, selection, { type: "SELECT_DEVICE", deviceId: "phone" });
  await assert.rejects(decide(services, state, "someone-elses", "APPROVED"), { code: "CONFLICT" });
  // Not a door's event: the schema refuses it.
  assert.throws(() => createDeviceAuthenticationFlow(services).eventSchema.parse({ type: "PUSH_DECIDED", challengeId: "ch1", status: "APPROVED" }));
});

test("a decision stored but not heard as an event is settled by the next POLL", async () => {
  const approved = fakes({ devices: [phone()] });
  const a = await begin(approved.services);
  approved.settleLast("APPROVED");
  assert.equal((await view(approved.services, a)).data.decided, true);
  assert.equal((await send(approved.services, a, { type: "POLL" })).section, "RETURN_SUCCESS");
  const denied = fakes({ devices: [phone()] });
  const d = await begin(denied.services);
  denied.settleLast("DENIED");
  const ended = await send(denied.services, d, { type: "POLL" });
  assert.equal(ended.section === "RETURN_ERROR" && ended.errorDetails, "PUSH_DENIED");
});

test("Mobile App Timed Out: the view offers retry, another device, the passcode when allowed, cancel; retry sends a new push", async () => {
  const { services, settleLast, calls } = fakes({ devices: [phone(), choice("sms", "SMS")] });
  const state = await send(services, await begin(services), { type: "SELECT_DEVICE", deviceId: "phone" });
  settleLast("EXPIRED");
  const timedOut = await view(services, state, ctx({ allowOtpFallback: true, allowCancel: true }));
  assert.deepEqual(timedOut.actions, ["RETRY", "CHANGE_DEVICE", "USE_PASSCODE", "USE_RECOVERY_CODE", "CANCEL"]);
  assert.equal(timedOut.data.timedOut, true);
  assert.equal(timedOut.data.number, undefined);
  assert.deepEqual((await view(services, state)).actions, ["RETRY", "CHANGE_DEVICE", "USE_RECOVERY_CODE"]);
  // A late approval of the expired challenge cannot land: the status says EXPIRED, and POLL keeps the section.
  assert.deepEqual(await send(services, state, { type: "POLL" }), state);
  const again = await send(services, state, { type: "RETRY" });
  assert.equal(again.section === "AUTHENTICATE_WITH_PUSH" && again.challengeId, "ch2");
  assert.equal(again.section === "AUTHENTICATE_WITH_PUSH" && again.number, 43);
  assert.deepEqual(calls, ["push:phone", "push:phone"]);
  assert.deepEqual((await view(services, again)).actions, ["POLL", "CHANGE_DEVICE", "USE_RECOVERY_CODE"]);
  // The first challenge's decision is no longer this section's.
  await assert.rejects(decide(services, again, "ch1", "APPROVED"), { code: "CONFLICT" });
});

test("a challenge withdrawn elsewhere (another sign-in pushed the same phone) reads as timed out", async () => {
  const { services, settleLast } = fakes({ devices: [phone()] });
  const state = await begin(services);
  settleLast("CANCELED");
  assert.equal((await view(services, state)).data.timedOut, true);
});

test("USE_PASSCODE only after a timeout and only with allowOtpFallback; the passcode is checked like a TOTP", async () => {
  const { services, settleLast } = fakes({ devices: [phone()] });
  const fallback = ctx({ allowOtpFallback: true });
  const state = await begin(services, fallback);
  settleLast("EXPIRED");
  await assert.rejects(send(services, state, { type: "USE_PASSCODE" }), { code: "CONFLICT" });
  const passcode = await send(services, state, { type: "USE_PASSCODE" }, fallback);
  assert.equal(passcode.section, "AUTHENTICATE_WITH_MOBILE_PASSCODE");
  assert.deepEqual((await view(services, passcode, fallback)).actions, ["SUBMIT_OTP", "RETRY", "USE_RECOVERY_CODE"]);
  await assert.rejects(send(services, passcode, { type: "SUBMIT_OTP", otp: "000000" }, fallback), { code: "VALIDATION" });
  const done = await send(services, passcode, { type: "SUBMIT_OTP", otp: "246810" }, fallback);
  assert.deepEqual(done, { section: "RETURN_SUCCESS", authMethod: "mobile_passcode", deviceId: "phone", deviceType: "MOBILE" });
});

test("the passcode section: retry sends a new push, another device goes to the selection", async () => {
  const { services, calls } = fakes({ devices: [phone(), choice("sms", "SMS")] });
  const passcode: DeviceAuthenticationState = {
    section: "AUTHENTICATE_WITH_MOBILE_PASSCODE",
    browser: { webauthn: true, platformAuthenticator: true },
    usable: [phone(), choice("sms", "SMS")],
    deviceId: "phone",
  };
  const pushed = await send(services, passcode, { type: "RETRY" });
  assert.equal(pushed.section, "AUTHENTICATE_WITH_PUSH");
  assert.deepEqual(calls, ["push:phone"]);
  assert.equal((await send(services, passcode, { type: "CHANGE_DEVICE" })).section, "DEVICE_SELECTION");
});

test("failWhenStuck: a locked phone's passcode ends the flow with until when, as for an authenticator app", async () => {
  const lockedUntil = new Date(Date.now() + 15 * 60_000);
  const { services } = fakes({ devices: [phone()] });
  services.verifyMobilePasscode = async () => ({ ok: false, reason: "locked", lockedUntil });
  const passcode: DeviceAuthenticationState = {
    section: "AUTHENTICATE_WITH_MOBILE_PASSCODE",
    browser: { webauthn: true, platformAuthenticator: true },
    usable: [phone()],
    deviceId: "phone",
  };
  const stuck = ctx({ failWhenStuck: true });
  const locked = await send(services, passcode, { type: "SUBMIT_OTP", otp: "111111" }, stuck);
  assert.deepEqual(locked, { section: "RETURN_ERROR", errorMessage: lockedMessage(lockedUntil), errorDetails: "LOCKED", lockedUntil: lockedUntil.toISOString() });
  await assert.rejects(send(services, passcode, { type: "SUBMIT_OTP", otp: "111111" }), { code: "VALIDATION" });
});

test("another device while the push waits withdraws the push; cancel withdraws it too", async () => {
  const { services, calls, pushes } = fakes({ devices: [phone(), choice("sms", "SMS")] });
  const state = await send(services, await begin(services), { type: "SELECT_DEVICE", deviceId: "phone" });
  const selection = await send(services, state, { type: "CHANGE_DEVICE" });
  assert.equal(selection.section, "DEVICE_SELECTION");
  assert.equal(pushes[0]!.status, "CANCELED");
  assert.ok(calls.includes("push-cancelled"));
  const only = fakes({ devices: [phone()] });
  const waiting = await begin(only.services);
  await assert.rejects(send(only.services, waiting, { type: "CHANGE_DEVICE" }), { code: "CONFLICT" });
  const cancelled = await send(only.services, waiting, { type: "CANCEL" }, ctx({ allowCancel: true }));
  assert.equal(cancelled.section, "RETURN_ERROR");
  assert.equal(only.pushes[0]!.status, "CANCELED");
});

test("a blocked phone gets no push: the choice is refused with its error and the flow stays on the selection", async () => {
  const { services, calls } = fakes({ devices: [phone(), choice("sms", "SMS")], blocked: ["phone"] });
  const selection = await begin(services);
  await assert.rejects(send(services, selection, { type: "SELECT_DEVICE", deviceId: "phone" }), { code: "FORBIDDEN" });
  assert.deepEqual(calls, []);
});

test("a locked device is refused when chosen, with the time it unlocks; nothing is sent to it", async () => {
  const until = new Date("2031-05-06T07:08:00Z");
  // With another way to confirm: the choice stays, and says until when.
  const several = fakes({ devices: [choice("sms", "SMS", true), choice("key", "SECURITY_KEY")], locked: { key: until } });
  const selection = await begin(several.services);
  assert.equal(selection.section, "DEVICE_SELECTION");
  const refused = await send(several.services, selection, { type: "SELECT_DEVICE", deviceId: "key" }).then(() => null, (e: unknown) => e);
  assert.ok(refused instanceof AppError && refused.code === "LOCKED");
  assert.equal(refused.message, "This device is locked until 2031-05-06 07:08 UTC. Use another device, or try again after that time.");
  assert.equal((await send(several.services, selection, { type: "SELECT_DEVICE", deviceId: "sms" })).section, "AUTHENTICATE_WITH_OTP");
  // The only device, whatever its type: the flow ends on LOCKED with the time, and no code goes out.
  for (const type of ["SMS", "TOTP", "PLATFORM", "MOBILE"] as const) {
    const only = fakes({ devices: [choice("d", type)], locked: { d: until } });
    const state = await begin(only.services);
    assert.deepEqual({ ...state, errorMessage: englishOf((state as { errorMessage: Message }).errorMessage) }, {
      section: "RETURN_ERROR",
      errorMessage: "This device is locked until 2031-05-06 07:08 UTC. Try again after that time, or contact support for help.",
      errorDetails: "LOCKED",
      lockedUntil: until.toISOString(),
    }, type);
    assert.deepEqual(only.calls, [], type);
    const flow = createDeviceAuthenticationFlow(only.services);
    assert.equal(flow.result(state)?.output.ciam_lockedUntil, until.toISOString());
  }
  // The flow API's failWhenStuck ends on LOCKED even with a choice, as for a lockout by wrong codes.
  const api = fakes({ devices: [choice("sms", "SMS", true), choice("key", "SECURITY_KEY")], locked: { key: until } });
  const apiCtx = ctx({ failWhenStuck: true });
  const apiSelection = await begin(api.services, apiCtx);
  const ended = await send(api.services, apiSelection, { type: "SELECT_DEVICE", deviceId: "key" }, apiCtx);
  assert.equal(ended.section, "RETURN_ERROR");
});

test("recovery codes at sign-in: offered beside every device, a right code signs in, a wrong one stays with its message", async () => {
  const { services, calls } = fakes({ devices: [choice("sms", "SMS"), choice("totp", "TOTP", true)], recoveryCodes: ["ABCDE-FGHJK", "MNPQR-STUVW"] });
  const selection = await begin(services);
  assert.deepEqual((await view(services, selection)).actions, ["SELECT_DEVICE", "USE_RECOVERY_CODE"]);
  const recovery = await send(services, selection, { type: "USE_RECOVERY_CODE" });
  assert.equal(recovery.section, "AUTHENTICATE_WITH_RECOVERY_CODE");
  const shown = await view(services, recovery);
  assert.deepEqual(shown.actions, ["SUBMIT_RECOVERY_CODE", "CHANGE_DEVICE"]);
  assert.equal(shown.data.left, 2);
  // A wrong code is a message on the field; the section stays.
  await assert.rejects(send(services, recovery, { type: "SUBMIT_RECOVERY_CODE", code: "ZZZZZ-ZZZZZ" }), (e: AppError) => {
    assert.equal(e.code, "VALIDATION");
    assert.match(e.fieldErrors?.code?.[0] ?? "", /not right/);
    return true;
  });
  assert.deepEqual(await send(services, recovery, { type: "CHANGE_DEVICE" }), { ...selection, section: "DEVICE_SELECTION" });
  const done = await send(services, recovery, { type: "SUBMIT_RECOVERY_CODE", code: "ABCDE-FGHJK" });
  assert.deepEqual(done, { section: "RETURN_SUCCESS", authMethod: "recovery_code" });
  assert.deepEqual(createDeviceAuthenticationFlow(services).result(done), {
    status: "success",
    output: { ciam_subflowResult: "AUTHENTICATED", ciam_authMethod: "recovery_code" },
  });
  assert.deepEqual(calls.filter((c) => c.startsWith("recovery:")), ["recovery:ZZZZZ-ZZZZZ", "recovery:ABCDE-FGHJK"]);
});

test("recovery codes are not a step-up and not offered over the flow API", async () => {
  const { services } = fakes({ devices: [choice("sms", "SMS"), choice("totp", "TOTP", true)], recoveryCodes: ["ABCDE-FGHJK"] });
  const stepUp = ctx({ purpose: "step-up" });
  const selection = await begin(services, stepUp);
  assert.deepEqual((await view(services, selection, stepUp)).actions, ["SELECT_DEVICE"]);
  await assert.rejects(send(services, selection, { type: "USE_RECOVERY_CODE" }, stepUp), { code: "CONFLICT" });
  const api = { ...ctx(), door: "api" as const };
  await assert.rejects(send(services, selection, { type: "USE_RECOVERY_CODE" }, api), { code: "CONFLICT" });
  // Nor can a code be submitted to a section that did not ask for one.
  await assert.rejects(send(services, selection, { type: "SUBMIT_RECOVERY_CODE", code: "ABCDE-FGHJK" }), { code: "CONFLICT" });
});

test("the only device locked, or none usable here: the recovery codes open by themselves when some are left", async () => {
  const until = new Date(Date.now() + 15 * 60_000);
  const locked = fakes({ devices: [choice("sms", "SMS")], locked: { sms: until }, recoveryCodes: ["ABCDE-FGHJK"] });
  const state = await begin(locked.services);
  assert.equal(state.section, "AUTHENTICATE_WITH_RECOVERY_CODE");
  assert.match(englishOf((await view(locked.services, state)).data.notice as Message), /locked until .* recovery code instead/);
  assert.deepEqual(locked.calls, []);
  // Without codes, or with them locked too, the flow ends on LOCKED as before.
  for (const options of [{}, { recoveryCodes: ["ABCDE-FGHJK"], recoveryLockedUntil: until }]) {
    const stuck = fakes({ devices: [choice("sms", "SMS")], locked: { sms: until }, ...options });
    const ended = await begin(stuck.services);
    assert.equal(ended.section === "RETURN_ERROR" && ended.errorDetails, "LOCKED");
  }
  const onlyEmail = fakes({ devices: [choice("mail", "EMAIL")], recoveryCodes: ["ABCDE-FGHJK"] });
  const none = await begin(onlyEmail.services, ctx({ allowedDeviceTypes: ["SMS", "TOTP"] }));
  assert.equal(none.section, "AUTHENTICATE_WITH_RECOVERY_CODE");
  // No device to go back to: only the code.
  assert.deepEqual((await view(onlyEmail.services, none)).actions, ["SUBMIT_RECOVERY_CODE"]);
});

test("with no recovery codes left the section says so and takes no code", async () => {
  const { services } = fakes({ devices: [choice("sms", "SMS"), choice("totp", "TOTP", true)] });
  const recovery = await send(services, await begin(services), { type: "USE_RECOVERY_CODE" });
  const shown = await view(services, recovery);
  assert.equal(shown.data.left, 0);
  assert.deepEqual(shown.actions, ["CHANGE_DEVICE"]);
});
