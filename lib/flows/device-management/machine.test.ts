import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors/app-error";
import { englishOf, wordMessages, type Message } from "@/lib/i18n/text";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { fakeStepUp } from "@/lib/flows/step-up-test-fixtures";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import {
  createDeviceManagementFlow,
  type DeviceManagementInput,
  type DeviceManagementServices,
  type DeviceManagementState,
} from "@/lib/flows/device-management/machine";

function device(id: string, extra: Partial<DeviceSummary> = {}): DeviceSummary {
  return {
    id,
    type: "SMS",
    typeLabel: "Text message",
    nickname: `Phone ${id}`,
    maskedTarget: "+1 ••• ••• 4567",
    status: "ACTIVE",
    isDefault: false,
    createdAt: new Date(0),
    lastUsedAt: null,
    lockedUntil: null,
    authenticatorName: null,
    passkeyStorage: null,
    ...extra,
  };
}

/** An in-memory account, so the tests exercise the machine's transitions and nothing else. */
function fakeAccount(options: { mfaEnabled?: boolean; devices?: DeviceSummary[]; canAdd?: boolean; recent?: boolean } = {}) {
  const user = { id: "u1", email: "amy@example.com", username: "amy", mfaEnabled: options.mfaEnabled ?? true };
  let devices = options.devices ?? [device("d1", { isDefault: true }), device("d2")];
  const calls: string[] = [];
  let recoveryLeft = 0;
  const own = async (userId: string, deviceId: string) => {
    const found = devices.find((d) => d.id === deviceId);
    if (userId !== user.id || !found) throw new AppError("NOT_FOUND", "Device not found.");
    return found;
  };
  const services: DeviceManagementServices = {
    getUser: async (id) => (id === user.id ? user : null),
    listDevices: async () => devices,
    getOwnDevice: own,
    isLastActiveDevice: async (_u, id) => devices.filter((d) => d.status === "ACTIVE" && d.id !== id).length === 0,
    whyNoNewDevice: async () => ((options.canAdd ?? true) ? null : "You have 10 devices, the most an account can have."),
    setMfaEnabled: async (_u, enabled) => {
      user.mfaEnabled = enabled;
      calls.push(`mfa:${enabled}`);
    },
    renameDevice: async (_u, id, nickname) => {
      devices = devices.map((d) => (d.id === id ? { ...d, nickname } : d));
      calls.push(`rename:${id}:${nickname}`);
    },
    setDefaultDevice: async (_u, id) => {
      calls.push(`default:${id}`);
    },
    blockDevice: async (_u, id) => {
      calls.push(`block:${id}`);
    },
    unblockDevice: async (_u, id) => {
      calls.push(`unblock:${id}`);
    },
    removeDevice: async (_u, id) => {
      devices = devices.filter((d) => d.id !== id);
      const mfaTurnedOff = !devices.some((d) => d.status === "ACTIVE");
      if (mfaTurnedOff) user.mfaEnabled = false;
      calls.push(`remove:${id}`);
      return { mfaTurnedOff };
    },
    recoveryCodes: async () => ({ left: recoveryLeft, total: 10, createdAt: null, low: false, lockedUntil: null }),
    newRecoveryCodes: async () => {
      recoveryLeft = 10;
      calls.push("recovery-codes");
      return "sealed-codes";
    },
    openRecoveryCodes: (sealed) => (sealed === "sealed-codes" ? ["ABCDE-FGHJK"] : null),
    ...fakeStepUp({ calls, recent: options.recent, requiresSecondFactor: () => user.mfaEnabled && devices.some((d) => d.status === "ACTIVE") }),
  };
  return { services, calls, user };
}

function ctx(input: DeviceManagementInput = {}, userId: string | null = "u1"): FlowContext<DeviceManagementInput> {
  let sessionId = "s1";
  return {
    flowId: "f1",
    userId,
    get sessionId() {
      return sessionId;
    },
    adoptSession: async (session) => {
      sessionId = session.id;
    },
    input,
    door: "portal",
    meta: {},
    startSubflow: async () => "child-1",
  };
}

async function start(services: DeviceManagementServices, c = ctx()) {
  const flow = createDeviceManagementFlow(services);
  return { flow, state: await settle(flow, flow.initial(c.input), c) };
}

async function send(services: DeviceManagementServices, state: DeviceManagementState, event: unknown, c = ctx()) {
  const flow = createDeviceManagementFlow(services);
  return settle(flow, await flow.handle(state, flow.eventSchema.parse(event), c), c);
}

test("without a session the flow ends in Return Error with a code and message", async () => {
  const { services } = fakeAccount();
  const { flow, state } = await start(services, ctx({}, null));
  assert.deepEqual(wordMessages(flow.result(state), "en"), {
    status: "error",
    output: { ciam_errorCode: "SESSION_REQUIRED", ciam_errorMessage: "Sign in to manage your devices." },
  });
});

test("a username that is not the signed-in user's ends in Return Error", async () => {
  const { services } = fakeAccount();
  const { state } = await start(services, ctx({ username: "bob@example.com" }));
  assert.equal(state.section, "RETURN_ERROR");
  const matching = await start(services, ctx({ username: "AMY@example.com" }));
  assert.equal(matching.state.section, "DISPLAY_USER_DEVICES");
});

test("MFA off leads to Enable MFA; turning it on goes straight to adding the first device, not to an empty list that says on", async () => {
  const { services, calls, user } = fakeAccount({ mfaEnabled: false, devices: [] });
  const { state } = await start(services);
  assert.equal(state.section, "ENABLE_MFA");
  const next = await send(services, state, { type: "ENABLE_MFA" });
  assert.deepEqual(next, { section: "ADD_DEVICE", subflowId: "child-1" });
  assert.deepEqual(calls, []);
  assert.equal(user.mfaEnabled, false);

  // A registration that ends without a device comes back to Enable MFA, still off, saying why.
  const flow = createDeviceManagementFlow(services);
  const skipped = { status: "error" as const, output: { ciam_errorMessage: "No device was added." } };
  const back = await settle(flow, await flow.handle(next, { type: "SUBFLOW_ENDED", result: skipped }, ctx()), ctx());
  assert.deepEqual(back, { section: "ENABLE_MFA", alert: "No device was added." });
  assert.equal((await flow.view(back, ctx())).data.alert, "No device was added.");
});

test("turning MFA on is refused when no device can be added, and steps up in a stale session", async () => {
  const none = fakeAccount({ mfaEnabled: false, devices: [], canAdd: false });
  await assert.rejects(send(none.services, { section: "ENABLE_MFA" }, { type: "ENABLE_MFA" }), { code: "CONFLICT" });
  const stale = fakeAccount({ mfaEnabled: false, devices: [], recent: false });
  const stepUp = await send(stale.services, { section: "ENABLE_MFA" }, { type: "ENABLE_MFA" });
  assert.equal(stepUp.section, "STEP_UP");
  assert.deepEqual(stale.calls, []);
});

test("declining Enable MFA ends in Return Success", async () => {
  const { services } = fakeAccount({ mfaEnabled: false });
  const { flow, state } = await start(services);
  const next = await send(services, state, { type: "SKIP" });
  assert.deepEqual(flow.result(next), { status: "success", output: { result: "success" } });
});

test("Done and Cancel on the device list end in Return Success, which tells the host page which it was", async () => {
  const { services } = fakeAccount();
  for (const [type, result] of [["DONE", "success"], ["CANCEL", "cancelled"]]) {
    const { flow, state } = await start(services);
    assert.deepEqual(flow.result(await send(services, state, { type })), { status: "success", output: { result } });
  }
  const { services: off } = fakeAccount({ mfaEnabled: false });
  const { flow, state } = await start(off);
  assert.deepEqual(flow.result(await send(off, state, { type: "CANCEL" })), { status: "success", output: { result: "cancelled" } });
});

test("selecting a device opens Update Device; a foreign id is not found and changes nothing", async () => {
  const { services } = fakeAccount();
  const { state } = await start(services);
  assert.deepEqual(await send(services, state, { type: "SELECT_DEVICE", deviceId: "d2" }), {
    section: "UPDATE_DEVICE",
    deviceId: "d2",
    confirmRemoval: false,
  });
  await assert.rejects(send(services, state, { type: "SELECT_DEVICE", deviceId: "someone-elses" }), { code: "NOT_FOUND" });
});

test("rename and make default return to the device list with a notice", async () => {
  const { services, calls } = fakeAccount();
  const update: DeviceManagementState = { section: "UPDATE_DEVICE", deviceId: "d2", confirmRemoval: false };
  const renamed = await send(services, update, { type: "RENAME", nickname: "  Work phone " });
  assert.deepEqual(wordMessages(renamed, "en"), { section: "DISPLAY_USER_DEVICES", notice: 'Renamed to "Work phone".' });
  const defaulted = await send(services, update, { type: "MAKE_DEFAULT" });
  assert.equal(defaulted.section, "DISPLAY_USER_DEVICES");
  assert.deepEqual(calls, ["rename:d2:Work phone", "default:d2"]);
});

test("a nickname that is empty, too long or has control characters is refused", () => {
  const { services } = fakeAccount();
  const flow = createDeviceManagementFlow(services);
  for (const nickname of ["", "   ", "x".repeat(41), "bad\nname", "tab\tname"]) {
    assert.equal(flow.eventSchema.safeParse({ type: "RENAME", nickname }).success, false, JSON.stringify(nickname));
  }
  assert.equal(flow.eventSchema.safeParse({ type: "RENAME", nickname: "x".repeat(40) }).success, true);
});

test("remove asks for confirmation first; back cancels it", async () => {
  const { services, calls } = fakeAccount();
  const update: DeviceManagementState = { section: "UPDATE_DEVICE", deviceId: "d2", confirmRemoval: false };
  await assert.rejects(send(services, update, { type: "CONFIRM_REMOVE" }), { code: "CONFLICT" });
  const confirming = await send(services, update, { type: "REMOVE" });
  assert.deepEqual(confirming, { ...update, confirmRemoval: true });
  assert.deepEqual(await send(services, confirming, { type: "BACK" }), update);
  assert.deepEqual(calls, []);
  const removed = await send(services, confirming, { type: "CONFIRM_REMOVE" });
  assert.equal(removed.section, "DISPLAY_USER_DEVICES");
  assert.deepEqual(calls, ["remove:d2"]);
});

test("removing the last active device warns first and lands on Enable MFA", async () => {
  const { services, user } = fakeAccount({ devices: [device("d1", { isDefault: true })] });
  const flow = createDeviceManagementFlow(services);
  const confirming: DeviceManagementState = { section: "UPDATE_DEVICE", deviceId: "d1", confirmRemoval: true };
  const view = await flow.view(confirming, ctx());
  assert.equal(view.data.lastActive, true);
  const next = await send(services, confirming, { type: "CONFIRM_REMOVE" });
  assert.equal(next.section, "ENABLE_MFA");
  assert.match(englishOf((next as { notice?: Message }).notice ?? ""), /two-step verification is now off/);
  assert.equal(user.mfaEnabled, false);
});

test("Add is offered only when a device can be added, and invokes the registration subflow", async () => {
  const blocked = fakeAccount({ canAdd: false });
  const flow = createDeviceManagementFlow(blocked.services);
  const list: DeviceManagementState = { section: "DISPLAY_USER_DEVICES" };
  const view = await flow.view(list, ctx());
  assert.equal(view.actions.includes("ADD"), false);
  assert.equal(view.data.cannotAdd, "You have 10 devices, the most an account can have.");
  await assert.rejects(send(blocked.services, list, { type: "ADD" }), { code: "CONFLICT", message: /the most an account can have/ });

  const { services } = fakeAccount();
  const adding = await send(services, list, { type: "ADD" });
  assert.deepEqual(adding, { section: "ADD_DEVICE", subflowId: "child-1" });
  const back = await settle(
    createDeviceManagementFlow(services),
    await createDeviceManagementFlow(services).handle(adding, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "ENROLLED" } } }, ctx()),
    ctx(),
  );
  assert.deepEqual(wordMessages(back, "en"), { section: "DISPLAY_USER_DEVICES", notice: "Your new device is ready to use." });
});

test("events that do not belong to the current section are refused", async () => {
  const { services } = fakeAccount();
  await assert.rejects(send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "RENAME", nickname: "x" }), { code: "CONFLICT" });
  await assert.rejects(send(services, { section: "ENABLE_MFA" }, { type: "ADD" }), { code: "CONFLICT" });
});

test("a sensitive change in a stale session steps up with a second factor first, then goes ahead", async () => {
  const { services, calls } = fakeAccount({ recent: false });
  const confirming: DeviceManagementState = { section: "UPDATE_DEVICE", deviceId: "d2", confirmRemoval: true };
  const stepUp = await send(services, confirming, { type: "CONFIRM_REMOVE" });
  assert.deepEqual(stepUp, { section: "STEP_UP", subflowId: "child-1", resume: { state: confirming, event: { type: "CONFIRM_REMOVE" } } });
  assert.deepEqual(calls, []);
  const flow = createDeviceManagementFlow(services);
  const done = await settle(
    flow,
    await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "AUTHENTICATED" } } }, ctx()),
    ctx(),
  );
  assert.equal(done.section, "DISPLAY_USER_DEVICES");
  assert.deepEqual(calls, ["step-up:child-1", "remove:d2"]);
});

test("a step-up hands the request the new session, which the replayed change then acts as", async () => {
  const { services } = fakeAccount({ recent: false });
  const flow = createDeviceManagementFlow(services);
  const c = ctx();
  const stepUp = await send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "DISABLE_MFA" }, c);
  await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "AUTHENTICATED" } } }, c);
  assert.equal(c.sessionId, "s2");
});

test("unblocking a device is a sensitive change: a stale session steps up first", async () => {
  const { services, calls } = fakeAccount({ recent: false, devices: [device("d1", { isDefault: true }), device("d2", { status: "BLOCKED" })] });
  const updating: DeviceManagementState = { section: "UPDATE_DEVICE", deviceId: "d2", confirmRemoval: false };
  const stepUp = await send(services, updating, { type: "UNBLOCK" });
  assert.equal(stepUp.section, "STEP_UP");
  assert.deepEqual(calls, []);
});

test("an account with a second factor it cannot use here is not offered the password", async () => {
  const { services, calls } = fakeAccount({ recent: false });
  const flow = createDeviceManagementFlow(services);
  const stepUp = await send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "DISABLE_MFA" });
  const unusable = { status: "error" as const, output: { ciam_errorMessage: "Use another of your devices.", ciam_errorDetails: "NO_USABLE_DEVICE" } };
  const after = await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: unusable }, ctx());
  assert.deepEqual(after, { section: "CHECK_PREREQUISITE", alert: "Use another of your devices." });
  assert.deepEqual(await settle(flow, after, ctx()), { section: "DISPLAY_USER_DEVICES", alert: "Use another of your devices." });
  // Even a CONFIRM_PASSWORD section reached somehow refuses the password while a second factor exists.
  const sneaky = await send(services, { section: "CONFIRM_PASSWORD", resume: { state: { section: "DISPLAY_USER_DEVICES" }, event: { type: "DISABLE_MFA" } } }, {
    type: "CONFIRM_PASSWORD",
    password: "right",
  });
  assert.equal(sneaky.section, "STEP_UP");
  assert.deepEqual(calls, []);
});

test("a registration that outlived the authentication window goes back to a step-up, then adds", async () => {
  const { services } = fakeAccount();
  const flow = createDeviceManagementFlow(services);
  const lapsed = { status: "error" as const, output: { ciam_errorMessage: "Confirm it's you again to add a device.", ciam_errorDetails: "REAUTH_REQUIRED" } };
  const next = await settle(flow, await flow.handle({ section: "ADD_DEVICE", subflowId: "child-0" }, { type: "SUBFLOW_ENDED", result: lapsed }, ctx()), ctx());
  assert.deepEqual(next, { section: "STEP_UP", subflowId: "child-1", resume: { state: { section: "DISPLAY_USER_DEVICES" }, event: { type: "ADD" } } });
});

test("a failed or cancelled step-up changes nothing; without a second factor the password is asked", async () => {
  const { services, calls } = fakeAccount({ recent: false, mfaEnabled: false });
  const flow = createDeviceManagementFlow(services);
  const stepUp = await send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "DISABLE_MFA" });
  const cancelled = await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "error", output: { ciam_errorMessage: "x" } } }, ctx());
  assert.equal(cancelled.section, "CHECK_PREREQUISITE");
  assert.deepEqual(calls, []);

  const password = await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "NO_SECOND_FACTOR" } } }, ctx());
  assert.equal(password.section, "CONFIRM_PASSWORD");
  await assert.rejects(send(services, password, { type: "CONFIRM_PASSWORD", password: "wrong" }), { code: "VALIDATION" });
  const done = await send(services, password, { type: "CONFIRM_PASSWORD", password: "right" });
  assert.equal(done.section, "ENABLE_MFA");
  assert.deepEqual(calls, ["mfa:false"]);
});

test("Add device passes on what the page found the browser can do, so the registration need not ask it", async () => {
  const { services } = fakeAccount();
  const inputs: unknown[] = [];
  const c = { ...ctx(), startSubflow: async (_kind: string, input: unknown) => (inputs.push(input), "child-1") };
  const flow = createDeviceManagementFlow(services);
  const list: DeviceManagementState = { section: "DISPLAY_USER_DEVICES" };
  await settle(flow, await flow.handle(list, flow.eventSchema.parse({ type: "ADD", webauthn: "true", platformAuthenticator: "false" }), c), c);
  await settle(flow, await flow.handle(list, flow.eventSchema.parse({ type: "ADD" }), c), c);
  assert.deepEqual(inputs, [{ allowCancel: true, browser: { webauthn: true, platformAuthenticator: false } }, { allowCancel: true }]);
  assert.throws(() => flow.eventSchema.parse({ type: "ADD", webauthn: "maybe", platformAuthenticator: "true" }));
});

test("new recovery codes: a sensitive change (a stale session steps up first), shown once, then the list says the old ones are void", async () => {
  const { services, calls } = fakeAccount({ recent: false });
  const flow = createDeviceManagementFlow(services);
  const list = await flow.view({ section: "DISPLAY_USER_DEVICES" }, ctx());
  assert.ok(list.actions.includes("NEW_RECOVERY_CODES"));
  assert.deepEqual(list.data.recoveryCodes, { left: 0, total: 10, createdAt: null, low: false, lockedUntil: null });
  const stepUp = await send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "NEW_RECOVERY_CODES" });
  assert.equal(stepUp.section, "STEP_UP");
  assert.deepEqual(calls, []);
  const shown = await settle(
    flow,
    await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "AUTHENTICATED" } } }, ctx()),
    ctx(),
  );
  assert.deepEqual(shown, { section: "SHOW_RECOVERY_CODES", sealed: "sealed-codes" });
  assert.deepEqual(calls, ["step-up:child-1", "recovery-codes"]);
  const view = await flow.view(shown, ctx());
  assert.deepEqual(view, { section: "SHOW_RECOVERY_CODES", actions: ["CONTINUE"], data: { codes: ["ABCDE-FGHJK"] } });
  await assert.rejects(send(services, shown, { type: "ADD" }), { code: "CONFLICT" });
  const back = await send(services, shown, { type: "CONTINUE" });
  assert.deepEqual(wordMessages(back, "en"), { section: "DISPLAY_USER_DEVICES", notice: "Your new recovery codes are ready. The old ones no longer work." });
  assert.deepEqual(wordMessages(back, "fr"), { section: "DISPLAY_USER_DEVICES", notice: "Vos nouveaux codes de secours sont prêts. Les anciens ne fonctionnent plus." });
});

test("recovery codes are the pages' only: the flow API neither sees nor makes them", async () => {
  const { services, calls } = fakeAccount();
  const flow = createDeviceManagementFlow(services);
  const api = { ...ctx(), door: "api" as const };
  const list = await flow.view({ section: "DISPLAY_USER_DEVICES" }, api);
  assert.ok(!list.actions.includes("NEW_RECOVERY_CODES"));
  assert.equal(list.data.recoveryCodes, null);
  await assert.rejects(send(services, { section: "DISPLAY_USER_DEVICES" }, { type: "NEW_RECOVERY_CODES" }, api), { code: "CONFLICT" });
  assert.deepEqual(calls, []);
});
