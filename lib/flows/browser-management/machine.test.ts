import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors/app-error";
import { wordMessages } from "@/lib/i18n/text";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { fakeStepUp } from "@/lib/flows/step-up-test-fixtures";
import type { DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";
import {
  createBrowserManagementFlow,
  type BrowserManagementInput,
  type BrowserManagementServices,
  type BrowserManagementState,
} from "@/lib/flows/browser-management/machine";

/** A state as the flow door words it for an English reader: its notices and alerts are Texts. */
const english = <T>(state: T) => wordMessages(state, "en");

const K1 = "key1-aaaaaaaaaaaaaaaaaa";
const K2 = "key2-bbbbbbbbbbbbbbbbbb";
const FOREIGN = "key9-zzzzzzzzzzzzzzzzzz";

function browser(keyId: string, extra: Partial<DeviceKeySummary> = {}): DeviceKeySummary {
  return {
    keyId,
    displayName: `Browser ${keyId.slice(0, 4)}`,
    status: "ACTIVE",
    createdAt: new Date(0),
    lastSeenAt: new Date(0),
    lastSeenIp: "203.0.113.7",
    rememberedUntil: null,
    applicationId: null,
    ...extra,
  };
}

/** An in-memory account, so the tests exercise the machine's transitions and nothing else. */
function fakeAccount(options: { recent?: boolean; secondFactor?: boolean } = {}) {
  let browsers = [browser(K1), browser(K2)];
  const calls: string[] = [];
  const own = async (userId: string, keyId: string) => {
    const found = browsers.find((b) => b.keyId === keyId);
    if (userId !== "u1" || !found) throw new AppError("NOT_FOUND", "Browser not found.");
    return found;
  };
  const services: BrowserManagementServices = {
    listBrowsers: async () => browsers,
    getOwnBrowser: own,
    renameBrowser: async (_u, keyId, name) => {
      browsers = browsers.map((b) => (b.keyId === keyId ? { ...b, displayName: name } : b));
      calls.push(`rename:${keyId}:${name}`);
    },
    blockBrowser: async (_u, keyId) => void calls.push(`block:${keyId}`),
    unblockBrowser: async (_u, keyId) => void calls.push(`unblock:${keyId}`),
    forgetBrowser: async (_u, keyId) => {
      browsers = browsers.filter((b) => b.keyId !== keyId);
      calls.push(`forget:${keyId}`);
    },
    forgetOtherBrowsers: async (_u, keep) => {
      const before = browsers.length;
      browsers = browsers.filter((b) => b.keyId === keep);
      calls.push(`forget-others:${keep}`);
      return before - browsers.length;
    },
    ...fakeStepUp({ calls, recent: options.recent, requiresSecondFactor: () => options.secondFactor ?? true }),
    rememberDays: async () => 30,
  };
  return { services, calls };
}

function ctx(userId: string | null = "u1"): FlowContext<BrowserManagementInput> & { started: unknown[] } {
  let sessionId = "s1";
  const started: unknown[] = [];
  return {
    flowId: "f1",
    userId,
    get sessionId() {
      return sessionId;
    },
    adoptSession: async (session) => {
      sessionId = session.id;
    },
    input: {},
    door: "portal",
    meta: {},
    startSubflow: async (kind, input) => {
      started.push({ kind, input });
      return "child-1";
    },
    started,
  };
}

const LIST: BrowserManagementState = { section: "DISPLAY_BROWSERS" };
const AUTHENTICATED = { type: "SUBFLOW_ENDED" as const, result: { status: "success" as const, output: { ciam_subflowResult: "AUTHENTICATED" } } };

async function send(services: BrowserManagementServices, state: BrowserManagementState, event: unknown, c = ctx()) {
  const flow = createBrowserManagementFlow(services);
  return settle(flow, await flow.handle(state, flow.eventSchema.parse(event), c), c);
}

test("the list shows the user's browsers and the user's id, for the page to find its own key", async () => {
  const { services } = fakeAccount();
  const flow = createBrowserManagementFlow(services);
  const view = await flow.view(LIST, ctx());
  assert.equal(view.section, "DISPLAY_BROWSERS");
  assert.equal(view.data.userId, "u1");
  assert.deepEqual((view.data.browsers as DeviceKeySummary[]).map((b) => b.keyId), [K1, K2]);
  await assert.rejects(flow.view(LIST, ctx(null)), { code: "UNAUTHENTICATED" });
});

test("rename needs no step-up and validates the name (1 to 60 characters)", async () => {
  const { services, calls } = fakeAccount({ recent: false });
  const after = await send(services, LIST, { type: "RENAME", keyId: K1, displayName: "  Work laptop " });
  assert.deepEqual(english(after), { section: "DISPLAY_BROWSERS", notice: 'Renamed to "Work laptop".', seq: 1 });
  assert.deepEqual(calls, [`rename:${K1}:Work laptop`]);
  const flow = createBrowserManagementFlow(services);
  for (const displayName of ["", " ", "x".repeat(61), "a\nb"]) {
    assert.equal(flow.eventSchema.safeParse({ type: "RENAME", keyId: K1, displayName }).success, false, JSON.stringify(displayName));
  }
});

test("in a fresh session forget, block and unblock happen at once, each with what it means", async () => {
  const { services, calls } = fakeAccount();
  const blocked = await send(services, LIST, { type: "BLOCK", keyId: K2 });
  assert.match(english(blocked as { notice: string }).notice, /"Browser key2" is blocked\. The next sign-in from it will ask for the second factor again\./);
  const unblocked = await send(services, blocked, { type: "UNBLOCK", keyId: K2 });
  assert.equal(english(unblocked as { notice: string }).notice, '"Browser key2" is unblocked.');
  assert.equal(unblocked.seq, 2, "every answer is a new notice to announce");
  const forgotten = await send(services, unblocked, { type: "FORGET", keyId: K2 });
  assert.deepEqual((forgotten as { forgotten: string[] }).forgotten, [K2]);
  assert.deepEqual(calls, [`block:${K2}`, `unblock:${K2}`, `forget:${K2}`]);
});

test("forget all other browsers keeps the one this browser names, or none when it has no key", async () => {
  const { services, calls } = fakeAccount();
  const kept = await send(services, LIST, { type: "FORGET_OTHERS", keepKeyId: K1 });
  assert.equal(english(kept as { notice: string }).notice, "Forgot 1 browser.");
  const none = await send(services, LIST, { type: "FORGET_OTHERS", keepKeyId: "" });
  assert.equal(english(none as { notice: string }).notice, "Forgot 1 browser.");
  const nothing = await send(services, LIST, { type: "FORGET_OTHERS" });
  assert.equal(english(nothing as { notice: string }).notice, "There were no other browsers to forget.");
  assert.deepEqual(calls, [`forget-others:${K1}`, "forget-others:null", "forget-others:null"]);
});

test("another user's key id is not found and changes nothing, in a fresh or a stale session", async () => {
  for (const recent of [true, false]) {
    const { services, calls } = fakeAccount({ recent });
    for (const type of ["RENAME", "FORGET", "BLOCK", "UNBLOCK"]) {
      await assert.rejects(send(services, LIST, { type, keyId: FOREIGN, displayName: "x" }), { code: "NOT_FOUND" });
    }
    assert.deepEqual(calls, []);
  }
});

test("a sensitive change in a stale session steps up with the device-authentication subflow, then goes ahead", async () => {
  for (const event of [
    { type: "FORGET", keyId: K2 },
    { type: "BLOCK", keyId: K2 },
    { type: "UNBLOCK", keyId: K2 },
    { type: "FORGET_OTHERS", keepKeyId: K1 },
  ]) {
    const { services, calls } = fakeAccount({ recent: false });
    const c = ctx();
    const stepUp = await send(services, LIST, event, c);
    assert.deepEqual(stepUp, { section: "STEP_UP", subflowId: "child-1", resume: event, seq: undefined });
    assert.deepEqual(c.started, [
      { kind: "device-authentication", input: { maxResend: 3, purpose: "step-up", magicLinkEnabled: false, allowCancel: true, allowOtpFallback: true } },
    ]);
    assert.deepEqual(calls, [], `${event.type} waits for the step-up`);
    const flow = createBrowserManagementFlow(services);
    const done = await settle(flow, await flow.handle(stepUp, AUTHENTICATED, c), c);
    assert.equal(done.section, "DISPLAY_BROWSERS");
    assert.equal(calls[0], "step-up:child-1");
    assert.equal(calls.length, 2);
    assert.equal(c.sessionId, "s2", "the replayed change acts as the renewed session");
  }
});

test("a failed or cancelled step-up changes nothing; a redemption that fails is refused", async () => {
  const { services, calls } = fakeAccount({ recent: false });
  const flow = createBrowserManagementFlow(services);
  const stepUp = await send(services, LIST, { type: "FORGET", keyId: K2 });
  const cancelled = await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "error", output: { ciam_errorMessage: "x" } } }, ctx());
  assert.deepEqual(english(cancelled), { section: "DISPLAY_BROWSERS", alert: "You did not confirm it's you, so nothing was changed.", seq: 1 });
  const unusable = { status: "error" as const, output: { ciam_errorMessage: "Use another of your devices.", ciam_errorDetails: "NO_USABLE_DEVICE" } };
  assert.equal(english((await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: unusable }, ctx())) as { alert: string }).alert, "Use another of your devices.");
  const refusing = { ...services, applyStepUp: async () => null };
  await assert.rejects(createBrowserManagementFlow(refusing).handle(stepUp, AUTHENTICATED, ctx()), { code: "CONFLICT" });
  assert.deepEqual(calls, []);
});

test("without a second factor the password is asked; while one exists the password is refused", async () => {
  const { services, calls } = fakeAccount({ recent: false, secondFactor: false });
  const flow = createBrowserManagementFlow(services);
  const stepUp = await send(services, LIST, { type: "BLOCK", keyId: K1 });
  const password = await flow.handle(stepUp, { type: "SUBFLOW_ENDED", result: { status: "success", output: { ciam_subflowResult: "NO_SECOND_FACTOR" } } }, ctx());
  assert.equal(password.section, "CONFIRM_PASSWORD");
  await assert.rejects(send(services, password, { type: "CONFIRM_PASSWORD", password: "wrong" }), { code: "VALIDATION" });
  assert.deepEqual(calls, []);
  const cancelled = await send(services, password, { type: "CANCEL" });
  assert.deepEqual(english(cancelled), { section: "DISPLAY_BROWSERS", alert: "Nothing was changed.", seq: 1 });
  const done = await send(services, password, { type: "CONFIRM_PASSWORD", password: "right" });
  assert.equal(done.section, "DISPLAY_BROWSERS");
  assert.deepEqual(calls, [`block:${K1}`]);

  const guarded = fakeAccount({ recent: false, secondFactor: true });
  const sneaky = await send(guarded.services, { section: "CONFIRM_PASSWORD", resume: { type: "FORGET_OTHERS", keepKeyId: "" } }, { type: "CONFIRM_PASSWORD", password: "right" });
  assert.equal(sneaky.section, "STEP_UP");
  assert.deepEqual(guarded.calls, []);
});

test("events that do not belong to the current section are refused", async () => {
  const { services, calls } = fakeAccount();
  await assert.rejects(send(services, LIST, { type: "CONFIRM_PASSWORD", password: "right" }), { code: "CONFLICT" });
  await assert.rejects(send(services, { section: "STEP_UP", subflowId: "child-1", resume: { type: "FORGET", keyId: K1 } }, { type: "BLOCK", keyId: K1 }), {
    code: "CONFLICT",
  });
  const flow = createBrowserManagementFlow(services);
  await assert.rejects(flow.handle(LIST, AUTHENTICATED, ctx()), { code: "CONFLICT" });
  assert.deepEqual(calls, []);
});
