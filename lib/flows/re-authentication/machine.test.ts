import { test } from "node:test";
import assert from "node:assert/strict";
import { settle, type FlowContext } from "@/lib/flows/engine";
import { fakeStepUp } from "@/lib/flows/step-up-test-fixtures";
import { createReAuthenticationFlow, type ReAuthenticationInput, type ReAuthenticationState } from "@/lib/flows/re-authentication/machine";

function ctx(userId: string | null = "u1"): FlowContext<ReAuthenticationInput> & { started: unknown[]; session: () => string } {
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
      return `child-${started.length}`;
    },
    started,
    session: () => sessionId,
  };
}

const ended = (status: "success" | "error", output: Record<string, unknown>) => ({ type: "SUBFLOW_ENDED" as const, result: { status, output } });
const AUTHENTICATED = ended("success", { ciam_subflowResult: "AUTHENTICATED" });

function machine(secondFactor = true) {
  const calls: string[] = [];
  const flow = createReAuthenticationFlow(fakeStepUp({ calls, recent: false, requiresSecondFactor: () => secondFactor }));
  return { flow, calls };
}

test("it opens on the step-up subflow, and its proof renews the session and ends the flow as confirmed", async () => {
  const { flow, calls } = machine();
  const c = ctx();
  const opened = await settle(flow, flow.initial({}), c);
  assert.deepEqual(opened, { section: "STEP_UP", subflowId: "child-1" });
  assert.deepEqual(c.started, [{ kind: "device-authentication", input: { maxResend: 3, purpose: "step-up", magicLinkEnabled: false, allowCancel: true, allowOtpFallback: true } }]);
  assert.equal(flow.result(opened), null);
  const done = await flow.handle(opened, AUTHENTICATED, c);
  assert.deepEqual(done, { section: "CONFIRMED" });
  assert.deepEqual(calls, ["step-up:child-1"]);
  assert.equal(c.session(), "s2");
  assert.deepEqual(flow.result(done), { status: "success", output: { ciam_subflowResult: "CONFIRMED" } });
});

test("a cancelled or failed step-up confirms nothing, says so, and can be tried again with a new subflow", async () => {
  const { flow, calls } = machine();
  const c = ctx();
  const opened = await settle(flow, flow.initial({}), c);
  const refused = await flow.handle(opened, ended("error", { ciam_subflowResult: "CANCELLED" }), c);
  assert.equal(refused.section, "NOT_CONFIRMED");
  assert.equal(flow.result(refused), null);
  assert.deepEqual(calls, []);
  assert.equal(c.session(), "s1");
  const again = await settle(flow, await flow.handle(refused, { type: "RETRY" }, c), c);
  assert.deepEqual(again, { section: "STEP_UP", subflowId: "child-2" });
});

test("an account without a second factor confirms with its password; a wrong one is a field error", async () => {
  const { flow } = machine(false);
  const c = ctx();
  const opened = await settle(flow, flow.initial({}), c);
  const asked = await flow.handle(opened, ended("success", { ciam_subflowResult: "NO_SECOND_FACTOR" }), c);
  assert.deepEqual(asked, { section: "CONFIRM_PASSWORD" });
  await assert.rejects(flow.handle(asked, { type: "CONFIRM_PASSWORD", password: "wrong" }, c), { code: "VALIDATION" });
  assert.deepEqual(await flow.handle(asked, { type: "CONFIRM_PASSWORD", password: "right" }, c), { section: "CONFIRMED" });
  assert.equal(c.session(), "s3");
});

test("events that do not belong to the section are refused, and a flow without an owner does nothing", async () => {
  const { flow } = machine();
  const c = ctx();
  const opened = await settle(flow, flow.initial({}), c);
  await assert.rejects(flow.handle(opened, { type: "RETRY" }, c));
  await assert.rejects(flow.handle({ section: "CONFIRMED" }, AUTHENTICATED, c));
  await assert.rejects(flow.handle(opened, AUTHENTICATED, ctx(null)), { code: "UNAUTHENTICATED" });
});
