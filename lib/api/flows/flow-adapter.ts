import "server-only";
import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import type { FlowKind } from "@/lib/flows/registry";
import type { ApiUser } from "@/lib/api/users/user-resource";
import type { DevicePolicy } from "@/lib/policy/device-policy";
import type { ApiFlowName, FlowAction, FlowActionParams, StartFlowBody } from "@/lib/validations/api-flows";

/**
 * How the flow API shows one of the flow engine's machines (architecture.md, the third door): the
 * machine's sections become the contract's states and its events the contract's actions, and nothing
 * more. Every rule stays in the machine and the domain code it calls; an adapter only translates.
 */
export type FlowAdapter<Start extends StartFlowBody = StartFlowBody> = {
  name: ApiFlowName;
  kind: FlowKind;
  /** The machine's input for a validated start request, the application's user and the policy it named. */
  machineInput(start: Start, user: ApiUser, policy: DevicePolicy): unknown;
  /** Which API action each of the machine's events offers, so `_links` follow the machine's own list. */
  actionFor: Readonly<Record<string, FlowAction>>;
  /** The state's name and its properties, COMPLETED or FAILED with the result once the flow has ended. */
  represent(flow: FlowSnapshot): Promise<ApiFlowState> | ApiFlowState;
  /**
   * While the flow waits on a subflow (device management adding a device), the subflow's id: the
   * execution then shows the subflow's state and actions, and its actions go to the subflow.
   */
  subflowOf?(flow: FlowSnapshot): string | null;
  /** The events that carry out an action the current state allows, in order. */
  events<A extends FlowAction>(action: A, params: FlowActionParams<A>, flow: FlowSnapshot): Promise<unknown[]> | unknown[];
};

export type ApiFlowState = { status: string; properties?: Record<string, unknown> };

/** The machine's state of a running flow, typed by the adapter that knows its sections. */
export function stateOf<S>(flow: FlowSnapshot): S {
  return flow.state as unknown as S;
}
