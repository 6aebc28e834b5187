import type { z } from "zod";
import type { RequestMeta } from "@/lib/audit/record-audit-event";

/**
 * The shape of every flow (architecture.md, "One flow engine, several doors"). A flow is a state
 * machine whose states are the source document's sections; the user's choices are events; the
 * source's teleports are the transitions. Pages, the widget and the flow API drive the same machines.
 */
export type Door = "portal" | "widget" | "api";

export type FlowContext<I> = {
  flowId: string;
  /** The signed-in owner; null when the flow was opened without a session. */
  userId: string | null;
  /** The caller's session, for rules about how recently the user proved who they are. */
  readonly sessionId: string | null;
  /**
   * After a step-up or password re-confirmation replaced the caller's session with a new one of the
   * same family: the rest of this request acts as the new session, and the door hands its token to
   * the browser (security.md item 21).
   */
  adoptSession(session: { id: string; userId: string }): Promise<void>;
  /**
   * The owner as this request already read it with its session, so a machine need not read the same
   * row again (issue 8); null when the request did not, and then the machine reads it itself.
   */
  knownUser?: { id: string; mfaEnabled: boolean } | null;
  input: I;
  door: Door;
  meta: RequestMeta;
  /** Starts a subflow owned by the same user; its result comes back as a SUBFLOW_ENDED event. */
  startSubflow: (kind: string, input: unknown) => Promise<string>;
};

export type FlowResult =
  | { status: "success"; output: Record<string, unknown> }
  | { status: "error"; output: Record<string, unknown> };

export type SectionState = { section: string };
export type FlowEvent = { type: string };

/** What a door shows for the current section: its data and the events the user may send now. */
export type SectionView = { section: string; actions: string[]; data: Record<string, unknown> };

export interface FlowMachine<S extends SectionState, E extends FlowEvent, I> {
  kind: string;
  /** A running flow expires after this long without finishing. */
  ttlMinutes: number;
  inputSchema: z.ZodType<I>;
  eventSchema: z.ZodType<E>;
  initial(input: I): S;
  /**
   * Runs one automatic section (a check, a service call, a subflow invocation): the next state, or
   * null when the current section waits for the user or the flow has ended.
   */
  advance(state: S, ctx: FlowContext<I>): Promise<S | null>;
  /** The user's event in an interactive section. Throws AppError for an event that is not allowed. */
  handle(state: S, event: E, ctx: FlowContext<I>): Promise<S>;
  view(state: S, ctx: FlowContext<I>): Promise<SectionView>;
  /** The flow's result once it has reached Return Success or Return Error, else null. */
  result(state: S): FlowResult | null;
}

// An unbounded chain of automatic sections would be a bug in a machine; stop it instead of spinning.
const MAX_AUTOMATIC_STEPS = 25;

export async function settle<S extends SectionState, E extends FlowEvent, I>(
  machine: FlowMachine<S, E, I>,
  state: S,
  ctx: FlowContext<I>,
): Promise<S> {
  let current = state;
  for (let i = 0; i < MAX_AUTOMATIC_STEPS; i++) {
    const next = await machine.advance(current, ctx);
    if (next === null) return current;
    current = next;
  }
  throw new Error(`Flow ${machine.kind} did not settle after ${MAX_AUTOMATIC_STEPS} automatic steps`);
}

/** The event every parent receives when a subflow it invoked ends. */
export type SubflowEndedEvent = { type: "SUBFLOW_ENDED"; result: FlowResult };
