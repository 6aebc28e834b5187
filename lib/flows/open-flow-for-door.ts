import "server-only";
import { getFlow, resumeOpenFlow, startFlow, type Caller, type FlowSnapshot } from "@/lib/flows/flow-executions";
import type { Door } from "@/lib/flows/engine";
import type { FlowKind } from "@/lib/flows/registry";

export type DoorView = { flow: FlowSnapshot; subflow: FlowSnapshot | null };

/** A flow and, while it waits on a subflow, the subflow: what a page door renders. */
export async function withSubflow(flow: FlowSnapshot, userId: string | null, caller: Caller): Promise<DoorView> {
  const subflowId = flow.view.data.subflowId;
  const subflow = typeof subflowId === "string" ? await getFlow({ id: subflowId, userId, caller }) : null;
  return { flow, subflow };
}

/** Resumes the user's unfinished flow of this kind at this door, or starts one. */
export async function openFlowForDoor(options: { kind: FlowKind; userId: string; door: Door; input: unknown; caller: Caller }) {
  const flow =
    (await resumeOpenFlow(options)) ??
    (await startFlow({ kind: options.kind, userId: options.userId, input: options.input, door: options.door, caller: options.caller }));
  return withSubflow(flow, options.userId, options.caller);
}
