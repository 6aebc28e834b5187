import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { settle, type Door, type FlowContext, type FlowEvent, type FlowMachine, type FlowResult, type SectionState } from "@/lib/flows/engine";
import { flowMachines, type FlowKind } from "@/lib/flows/registry";
import type { SessionRef } from "@/lib/auth/sessions";

/**
 * Persistence of running flows: a flow survives a reload, expires on time, and only its owner can
 * read or advance it (architecture.md). Every door goes through these three functions.
 */
type AnyMachine = FlowMachine<SectionState, FlowEvent, unknown>;
type Execution = NonNullable<Awaited<ReturnType<typeof db.flowExecution.findFirst>>>;

function machineFor(kind: string): AnyMachine {
  const machine = flowMachines[kind as FlowKind] as AnyMachine | undefined;
  if (!machine) throw new AppError("NOT_FOUND", "Flow not found.");
  return machine;
}

/**
 * Who is driving the flow now: their request and their session. A flow belongs to the session family
 * that started it (architecture.md, "The owner is whoever started it, exactly"), so the family, not
 * the user, is what finds it; the user id is checked as well.
 */
export type Caller = {
  meta: RequestMeta;
  session: SessionRef | null;
  /** The API application calling (the flow API's door): it, not a session, owns the flows it starts. */
  application?: { id: string } | null;
  /** The signed-in user as the request's session lookup read it (see FlowContext.knownUser). */
  user?: { id: string; mfaEnabled: boolean } | null;
  /** Where the response can set a cookie (server actions): hands the browser a replaced session. */
  writeSessionCookie?: (session: { id: string; userId: string }) => Promise<void>;
};

/**
 * The owner a flow is looked up by: for the pages and the widget the user and the session family, both
 * exactly (null for a visitor); over the API the application that started it, whoever the user is.
 * Each excludes the other, so no browser session reaches an application's flow and no key a session's.
 */
function ownerWhere(userId: string | null, caller: Caller) {
  if (caller.application) return { applicationId: caller.application.id, sessionFamilyId: null };
  return { userId, sessionFamilyId: caller.session?.familyId ?? null, applicationId: null };
}

/**
 * A flow of the pages ends at its machine's deadline; one of the API expires after a quiet spell
 * instead (API_FLOW_IDLE_MINUTES), moved on by every action, since an application's user may take
 * a while over several steps but an abandoned flow should not linger.
 */
function deadline(door: Door, machine: AnyMachine, now = Date.now()) {
  return new Date(now + (door === "api" ? config().api.flowIdleMinutes : machine.ttlMinutes) * 60_000);
}

function contextFor(execution: Execution, machine: AnyMachine, caller: Caller): FlowContext<unknown> {
  const { meta } = caller;
  return {
    flowId: execution.id,
    userId: execution.userId,
    get sessionId() {
      return caller.session?.id ?? null;
    },
    async adoptSession(session) {
      if (!caller.session || session.userId !== execution.userId) throw new AppError("UNAUTHENTICATED", text("errors.session.signInAgain"));
      // A rotation keeps the family, so the flows this request drives stay its own.
      caller.session = { id: session.id, familyId: caller.session.familyId };
      if (caller.writeSessionCookie) await caller.writeSessionCookie(session);
      else console.warn(`flow ${execution.id}: a replaced session could not be handed to the browser from this door`);
    },
    knownUser: caller.user && caller.user.id === execution.userId ? caller.user : null,
    input: machine.inputSchema.parse(JSON.parse(execution.input)),
    door: execution.door as Door,
    meta,
    startSubflow: (kind, input) =>
      startFlow({ kind: kind as FlowKind, userId: execution.userId, input, door: execution.door as Door, caller, parentId: execution.id }).then(
        (started) => started.id,
      ),
  };
}

export async function startFlow(options: {
  kind: FlowKind;
  userId: string | null;
  input: unknown;
  door: Door;
  caller: Caller;
  parentId?: string;
}) {
  const machine = machineFor(options.kind);
  const parsedInput = machine.inputSchema.safeParse(options.input);
  if (!parsedInput.success) {
    throw new AppError("VALIDATION", "The flow's input is not valid.", z.flattenError(parsedInput.error).fieldErrors as Record<string, string[]>);
  }
  const execution = await db.flowExecution.create({
    data: {
      kind: options.kind,
      userId: options.userId,
      door: options.door,
      parentId: options.parentId ?? null,
      sessionFamilyId: options.caller.session?.familyId ?? null,
      applicationId: options.caller.application?.id ?? null,
      input: JSON.stringify(parsedInput.data),
      state: JSON.stringify(machine.initial(parsedInput.data)),
      expiresAt: deadline(options.door, machine),
    },
  });
  const ctx = contextFor(execution, machine, options.caller);
  const state = await settle(machine, JSON.parse(execution.state), ctx);
  return save(execution, machine, state, options.caller);
}

/**
 * The flow if it belongs to this user and this caller's session family (an anonymous flow to an
 * anonymous caller), else "not found": another session of the same user is a stranger to it. With
 * `kind`, a flow of another kind is not found either (the second-factor page's door, which may drive
 * only the sign-in's own Device Authentication flow), checked in the same statement.
 */
async function load(options: { id: string; userId: string | null; caller: Caller; kind?: FlowKind }) {
  const execution = await db.flowExecution.findFirst({
    where: { id: options.id, ...ownerWhere(options.userId, options.caller), ...(options.kind ? { kind: options.kind } : {}) },
  });
  if (!execution) throw new AppError("NOT_FOUND", "Flow not found.");
  return execution;
}

export type FlowSnapshot = Awaited<ReturnType<typeof save>>;

async function snapshot(execution: Execution, machine: AnyMachine, caller: Caller) {
  const state = JSON.parse(execution.state) as SectionState;
  const result = execution.result ? (JSON.parse(execution.result) as FlowResult) : null;
  const expired = !result && execution.expiresAt.getTime() <= Date.now();
  const view = result || expired ? { section: state.section, actions: [], data: {} } : await machine.view(state, contextFor(execution, machine, caller));
  return {
    id: execution.id,
    kind: execution.kind as FlowKind,
    door: execution.door as Door,
    parentId: execution.parentId,
    userId: execution.userId,
    expiresAt: execution.expiresAt,
    /** The flow's input as started (the API door shows parts of it); never sent to a browser. */
    input: JSON.parse(execution.input) as unknown,
    state,
    view,
    result,
    expired,
  };
}

/**
 * Runs in the transaction that saves a top-level flow's result, so what the result grants (a sign-in's
 * complete session) is written with it or not at all, in one BEGIN/COMMIT instead of two.
 */
export type OnFinished = (tx: Tx, flow: { id: string; kind: string; parentId: string | null; result: FlowResult }) => Promise<void>;

async function save(execution: Execution, machine: AnyMachine, state: SectionState, caller: Caller, onFinished?: OnFinished) {
  const result = machine.result(state);
  // Set here rather than by Prisma, so the row as saved is known without reading it back (one
  // statement less per event, issue 8), and always later than before, so the next event's optimistic
  // check below can tell this version from the last one even within one millisecond.
  const updatedAt = new Date(Math.max(Date.now(), execution.updatedAt.getTime() + 1));
  const data = {
    state: JSON.stringify(state),
    result: result ? JSON.stringify(result) : null,
    endedAt: result ? updatedAt : null,
    updatedAt,
    claimedUntil: null,
    ...(execution.door === "api" && !result ? { expiresAt: deadline("api", machine, updatedAt.getTime()) } : {}),
  };
  // Optimistic concurrency: two events racing on one flow cannot both apply to the same state.
  const update = async (client: Tx | typeof db) => {
    const { count } = await client.flowExecution.updateMany({ where: { id: execution.id, updatedAt: execution.updatedAt }, data });
    if (count !== 1) throw new AppError("CONFLICT", text("errors.flow.changedInAnotherTab"));
  };
  if (result && onFinished && !execution.parentId) {
    await db.$transaction(async (tx) => {
      await update(tx);
      await onFinished(tx, { id: execution.id, kind: execution.kind, parentId: execution.parentId, result });
    });
  } else {
    await update(db);
  }
  return snapshot({ ...execution, ...data }, machine, caller);
}

export async function getFlow(options: { id: string; userId: string | null; caller: Caller }) {
  const execution = await load(options);
  return snapshot(execution, machineFor(execution.kind), options.caller);
}

/**
 * Applies a user's event, parsed by the flow's own schema, to a flow the caller owns. With `kind`, only
 * a top-level flow of that kind is found (what a session still waiting for its second factor may drive).
 */
export async function sendFlowEvent(options: {
  id: string;
  userId: string | null;
  event: unknown;
  caller: Caller;
  kind?: FlowKind;
  /** See OnFinished: only for the flow the event is sent to, when it is top-level and ends now. */
  onFinished?: OnFinished;
}) {
  const execution = await load(options);
  const parsed = machineFor(execution.kind).eventSchema.safeParse(options.event);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const first = Object.values(fieldErrors).flat()[0];
    throw new AppError("VALIDATION", first ?? "That action is not available here.", fieldErrors);
  }
  return apply(execution, parsed.data, options.caller, options.onFinished);
}

/**
 * Runs an event on a loaded flow. Internal events (a subflow's SUBFLOW_ENDED hand-off, a confirmed
 * link) come only through here: no door's event schema contains them.
 */
async function apply(loaded: Execution, event: FlowEvent, caller: Caller, onFinished?: OnFinished): Promise<FlowSnapshot> {
  const machine = machineFor(loaded.kind);
  if (loaded.result) throw new AppError("CONFLICT", text("errors.flow.ended"));
  if (loaded.expiresAt.getTime() <= Date.now()) throw new AppError("EXPIRED", text("errors.flow.expired"));
  const claimed = loaded.door === "api";
  const execution = claimed ? await claim(loaded) : loaded;
  const ctx = contextFor(execution, machine, caller);
  let saved: FlowSnapshot;
  try {
    const handled = await machine.handle(JSON.parse(execution.state), event, ctx);
    const state = await settle(machine, handled, ctx);
    saved = await save(execution, machine, state, caller, onFinished);
  } catch (error) {
    if (claimed) await release(execution).catch(() => undefined);
    throw error;
  }
  // An API flow working through its subflow (device management adding a device) is not idle. Only
  // here, on the subflow's own events: while the parent starts it, the parent's save is still to come.
  if (execution.door === "api" && execution.parentId && !saved.result) {
    await db.flowExecution.updateMany({ where: { id: execution.parentId, endedAt: null }, data: { expiresAt: saved.expiresAt } });
  }
  if (saved.result && execution.parentId) {
    // A subflow hands its result to the flow that invoked it, which continues from there.
    const parent = await db.flowExecution.findUniqueOrThrow({ where: { id: execution.parentId } });
    return apply(parent, { type: "SUBFLOW_ENDED", result: saved.result } as FlowEvent, caller);
  }
  return saved;
}

/**
 * Takes the flow's turn before its event runs: one conditional UPDATE moves the version it was read at
 * on and marks the flow claimed until the event is saved (or CLAIM_MS pass, should the process die).
 * Another request, whether it read the flow before or during the claim, stops with "conflict" before
 * any of its effects. The save's own check stops the second of two racing events too, but only after
 * both ran: a pending device or a sent code of the loser would be left behind. Servers retry and run
 * requests in parallel, so the API door pays these statements; the pages, where a race needs two tabs,
 * do not (issue 8's cost per step).
 */
const CLAIM_MS = 30_000;

async function claim(execution: Execution): Promise<Execution> {
  const now = Date.now();
  const updatedAt = new Date(Math.max(now, execution.updatedAt.getTime() + 1));
  const { count } = await db.flowExecution.updateMany({
    where: { id: execution.id, updatedAt: execution.updatedAt, OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date(now) } }] },
    data: { updatedAt, claimedUntil: new Date(now + CLAIM_MS) },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This flow was changed by another request meanwhile. Read it again, then act.");
  return { ...execution, updatedAt };
}

/** An event refused after its claim (a wrong code, a bad choice): the flow is free again, unchanged. */
async function release(execution: Execution) {
  await db.flowExecution.updateMany({ where: { id: execution.id, updatedAt: execution.updatedAt }, data: { claimedUntil: null, updatedAt: execution.updatedAt } });
}

/**
 * The newest unfinished flow of this kind that this session started at this door, to resume after a
 * reload: read once and shown as it is, so a page view neither writes nor reads the row twice.
 */
export async function resumeOpenFlow(options: { kind: FlowKind; userId: string; door: Door; caller: Caller }): Promise<FlowSnapshot | null> {
  if (!options.caller.session) return null;
  const execution = await db.flowExecution.findFirst({
    where: {
      kind: options.kind,
      ...ownerWhere(options.userId, options.caller),
      door: options.door,
      endedAt: null,
      parentId: null,
      expiresAt: { gt: new Date() },
    },
    orderBy: { createdAt: "desc" },
  });
  return execution ? snapshot(execution, machineFor(execution.kind), options.caller) : null;
}

/**
 * Only this session's own Device Authentication flow may be driven by a session without its second
 * factor. The flow door makes the same check inside the statement that loads the flow (`kind`).
 */
export async function assertAuthenticationFlow(id: string, userId: string, caller: Caller) {
  await load({ id, userId, caller, kind: "device-authentication" });
}

/**
 * A sign-in's Device Authentication flow of this user, whichever session family started it, for the
 * redemption door to tell "not yours" (refused and audited) from "not there".
 */
export async function loadSignInFlow(options: { id: string; userId: string }) {
  const flow = await db.flowExecution.findFirst({
    where: { id: options.id, userId: options.userId, kind: "device-authentication", parentId: null },
    select: { id: true, kind: true, parentId: true, result: true, sessionFamilyId: true, redeemedAt: true },
  });
  return flow ? { ...flow, result: flow.result ? (JSON.parse(flow.result) as FlowResult) : null } : null;
}

/**
 * The second-factor page's one read: this session family's newest sign-in flow that is either finished
 * and not yet redeemed, or still open here. A finished one comes first (its result decides the page),
 * so the page needs neither a second query for the open one nor a re-read of the row it found.
 */
export async function findSignInFlow(options: { userId: string; caller: Caller }) {
  if (!options.caller.session) return null;
  return db.flowExecution.findFirst({
    where: {
      ...ownerWhere(options.userId, options.caller),
      kind: "device-authentication",
      parentId: null,
      redeemedAt: null,
      OR: [{ endedAt: { not: null } }, { endedAt: null, door: "portal", expiresAt: { gt: new Date() } }],
    },
    orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  });
}

/**
 * The flow's version: when it last changed. The live channel (lib/flows/flow-live.ts) compares it, so a
 * page waiting for something done elsewhere (a link confirmed, a phone's approval) hears of it whichever
 * instance did it. By id alone: the caller has already been found to own the flow.
 */
export async function flowVersion(id: string): Promise<{ version: number; ended: boolean } | null> {
  const row = await db.flowExecution.findUnique({ where: { id }, select: { updatedAt: true, endedAt: true } });
  return row ? { version: row.updatedAt.getTime(), ended: row.endedAt !== null } : null;
}

/** What a door shows of a flow row it already holds. */
export function snapshotOf(execution: Execution, caller: Caller) {
  return snapshot(execution, machineFor(execution.kind), caller);
}

/**
 * The phone paired with a key this flow handed out (the authenticator's pair route): the pairing key,
 * which only this flow's page showed, stands in for the flow's owner to tell that one flow, and nothing
 * else. Found by id and user together; the page hears of it on its live channel.
 */
export async function confirmFlowByPairing(options: { flowId: string; userId: string; deviceId: string; meta: RequestMeta }) {
  const execution = await db.flowExecution.findFirst({ where: { id: options.flowId, userId: options.userId, kind: "device-registration", endedAt: null } });
  if (!execution) return null;
  return apply(execution, { type: "MOBILE_PAIRED", deviceId: options.deviceId } as FlowEvent, { meta: options.meta, session: null, application: null });
}

/**
 * The phone decided on a push challenge this flow made (the authenticator's decide route, after the
 * signature, number and time were verified in lib/mobile): the flow that asked hears the decision.
 */
export async function confirmFlowByPush(options: {
  flowId: string;
  userId: string;
  challengeId: string;
  status: "APPROVED" | "DENIED";
  meta: RequestMeta;
}) {
  const execution = await db.flowExecution.findFirst({ where: { id: options.flowId, userId: options.userId, kind: "device-authentication", endedAt: null } });
  if (!execution) return null;
  if (execution.parentId) {
    // A step-up: its end runs the change it guards and renews the session (security.md item 21), which
    // only the owner's own request can do. So the flow is only touched: its live channel tells the page,
    // whose view says the phone has answered, and the page sends POLL with its session.
    const updatedAt = new Date(Math.max(Date.now(), execution.updatedAt.getTime() + 1));
    await db.flowExecution.updateMany({ where: { id: execution.id, updatedAt: execution.updatedAt }, data: { updatedAt } });
    return null;
  }
  const event = { type: "PUSH_DECIDED", challengeId: options.challengeId, status: options.status } as FlowEvent;
  return apply(execution, event, { meta: options.meta, session: null, application: null });
}

/**
 * The click on a flow-bound emailed link: the link, which only the account's inbox received, stands in
 * for its flow's owner to send that one flow its confirmation, and nothing else. The flow's result
 * still goes only to the session family that started it.
 */
export async function confirmFlowByLink(options: { flowId: string; userId: string; meta: RequestMeta }) {
  const execution = await db.flowExecution.findFirst({
    where: { id: options.flowId, userId: options.userId, kind: "device-authentication", sessionFamilyId: { not: null } },
  });
  if (!execution) throw new AppError("NOT_FOUND", "Flow not found.");
  // No session acts here: the browser that opened the link gets nothing but this confirmation.
  return apply(execution, { type: "MAGIC_LINK_CONFIRMED" }, { meta: options.meta, session: null });
}
