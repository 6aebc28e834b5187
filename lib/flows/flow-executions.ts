import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { settle, type Door, type FlowContext, type FlowEvent, type FlowMachine, type FlowResult, type SectionState } from "@/lib/flows/engine";
import { flowMachines, type FlowKind } from "@/lib/flows/registry";

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

/** Who is driving the flow now: their request and session. */
export type Caller = { meta: RequestMeta; sessionId: string | null };

function contextFor(execution: Execution, machine: AnyMachine, caller: Caller): FlowContext<unknown> {
  const { meta } = caller;
  return {
    flowId: execution.id,
    userId: execution.userId,
    sessionId: caller.sessionId,
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
      input: JSON.stringify(parsedInput.data),
      state: JSON.stringify(machine.initial(parsedInput.data)),
      expiresAt: new Date(Date.now() + machine.ttlMinutes * 60_000),
    },
  });
  const ctx = contextFor(execution, machine, options.caller);
  const state = await settle(machine, JSON.parse(execution.state), ctx);
  return save(execution, machine, state, options.caller);
}

/** The flow if it belongs to this user (an anonymous flow to an anonymous caller), else "not found". */
async function load(options: { id: string; userId: string | null }) {
  const execution = await db.flowExecution.findFirst({ where: { id: options.id, userId: options.userId } });
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
    expiresAt: execution.expiresAt,
    state,
    view,
    result,
    expired,
  };
}

async function save(execution: Execution, machine: AnyMachine, state: SectionState, caller: Caller) {
  const result = machine.result(state);
  // Optimistic concurrency: two events racing on one flow cannot both apply to the same state.
  const { count } = await db.flowExecution.updateMany({
    where: { id: execution.id, updatedAt: execution.updatedAt },
    data: {
      state: JSON.stringify(state),
      result: result ? JSON.stringify(result) : null,
      endedAt: result ? new Date() : null,
    },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This page was changed in another tab. Reload and try again.");
  const saved = await db.flowExecution.findUniqueOrThrow({ where: { id: execution.id } });
  return snapshot(saved, machine, caller);
}

export async function getFlow(options: { id: string; userId: string | null; caller: Caller }) {
  const execution = await load(options);
  return snapshot(execution, machineFor(execution.kind), options.caller);
}

/**
 * Applies a user's event to their flow. `internal` is for the engine's own SUBFLOW_ENDED hand-off,
 * which no door can send: the event schema a door's input is parsed with does not contain it.
 */
export async function sendFlowEvent(options: { id: string; userId: string | null; event: unknown; caller: Caller; internal?: boolean }) {
  const execution = await load(options);
  const machine = machineFor(execution.kind);
  if (execution.result) throw new AppError("CONFLICT", "This flow has already ended.");
  if (execution.expiresAt.getTime() <= Date.now()) throw new AppError("EXPIRED", "This page has expired. Start again.");
  const parsed = options.internal
    ? { success: true as const, data: options.event as FlowEvent }
    : machine.eventSchema.safeParse(options.event);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const first = Object.values(fieldErrors).flat()[0];
    throw new AppError("VALIDATION", first ?? "That action is not available here.", fieldErrors);
  }
  const ctx = contextFor(execution, machine, options.caller);
  const handled = await machine.handle(JSON.parse(execution.state), parsed.data, ctx);
  const state = await settle(machine, handled, ctx);
  const saved = await save(execution, machine, state, options.caller);
  if (saved.result && execution.parentId) {
    // A subflow hands its result to the flow that invoked it, which continues from there.
    return sendFlowEvent({
      id: execution.parentId,
      userId: options.userId,
      event: { type: "SUBFLOW_ENDED", result: saved.result },
      caller: options.caller,
      internal: true,
    });
  }
  return saved;
}

/** The newest unfinished flow of this kind for this user at this door, to resume after a reload. */
export async function findOpenFlow(options: { kind: FlowKind; userId: string; door: Door }) {
  return db.flowExecution.findFirst({
    where: { kind: options.kind, userId: options.userId, door: options.door, endedAt: null, parentId: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/** Only a Device Authentication flow of this user may be driven by a session without its second factor. */
export async function assertAuthenticationFlow(id: string, userId: string) {
  const flow = await db.flowExecution.findFirst({ where: { id, userId, kind: "device-authentication" }, select: { id: true } });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
}

/** The newest successful, not yet redeemed authentication of this user since a moment (the sign-in). */
export async function findFinishedAuthentication(options: { userId: string; since: Date }) {
  const flows = await db.flowExecution.findMany({
    where: {
      userId: options.userId,
      kind: "device-authentication",
      parentId: null,
      redeemedAt: null,
      endedAt: { not: null },
      createdAt: { gte: options.since },
    },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { id: true, result: true },
  });
  return flows[0] ?? null;
}
