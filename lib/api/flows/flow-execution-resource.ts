import "server-only";
import { apiUrl, type HalLinks } from "@/lib/api/hal";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { wordMessages } from "@/lib/i18n/text";
import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import { mfaEnrollment } from "@/lib/api/flows/mfa-enrollment";
import { deviceAuthentication } from "@/lib/api/flows/device-authentication";
import { deviceManagement } from "@/lib/api/flows/device-management";
import type { FlowAdapter } from "@/lib/api/flows/flow-adapter";
import { flowActionMediaType, type ApiFlowName, type FlowAction } from "@/lib/validations/api-flows";

/** The flows an application can start, by the name it uses in POST /flows. */
const ADAPTERS: Record<ApiFlowName, FlowAdapter<never>> = {
  "mfa-enrollment": mfaEnrollment,
  "device-authentication": deviceAuthentication,
  "device-management": deviceManagement,
};

export function adapterNamed(name: ApiFlowName): FlowAdapter<never> {
  return ADAPTERS[name];
}

/** The adapter that shows flows of this kind (a subflow is shown by its kind's adapter too). */
export function adapterOfKind(kind: string): FlowAdapter<never> | undefined {
  return Object.values(ADAPTERS).find((adapter) => adapter.kind === kind);
}

/** The adapter of a stored top-level flow, or undefined for one the API does not show (then: not found). */
export function adapterOf(flow: FlowSnapshot): FlowAdapter<never> | undefined {
  return flow.parentId ? undefined : adapterOfKind(flow.kind);
}

export const flowExecutionHref = (id: string) => apiUrl(`/flowExecutions/${encodeURIComponent(id)}`);

/** The actions the flow's current state allows: exactly the machine's own list, as the API names them. */
export function allowedActions(adapter: FlowAdapter<never>, flow: FlowSnapshot): FlowAction[] {
  if (flow.result || flow.expired) return [];
  const actions = flow.view.actions.flatMap((event) => adapter.actionFor[event] ?? []);
  return [...new Set(actions)];
}

/**
 * A flow execution as HAL: its state (`status`) with that state's properties, and in `_links` the
 * `self` link (which clients poll) and one link per allowed action, each naming the media type that
 * chooses it. Nothing else is linked, so a client can offer exactly what `_links` holds.
 */
export type Shown = { adapter: FlowAdapter<never>; flow: FlowSnapshot };

/** `shown`: the subflow whose state the execution shows while it waits on one (FlowAdapter.subflowOf). */
export async function flowExecutionResource(adapter: FlowAdapter<never>, flow: FlowSnapshot, shown: Shown = { adapter, flow }) {
  const href = flowExecutionHref(flow.id);
  const { status, properties: unworded } = await shown.adapter.represent(shown.flow);
  // The flow API speaks English: messages the machines keep as Texts are worded in it here.
  const properties = wordMessages(unworded, DEFAULT_LOCALE);
  const _links: HalLinks = { self: { href } };
  for (const action of allowedActions(shown.adapter, shown.flow)) {
    _links[action] = { href, type: flowActionMediaType(action) };
  }
  return {
    id: flow.id,
    flow: adapter.name,
    status,
    user: { id: flow.userId },
    // While it runs: when it expires unless an action comes first.
    expiresAt: flow.result ? null : flow.expiresAt.toISOString(),
    ...properties,
    _links,
  };
}
