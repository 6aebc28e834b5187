import "server-only";
import { ApiProblem } from "@/lib/api/problem";
import { parseBody } from "@/lib/api/parse-input";
import { getUser } from "@/lib/api/users/get-user";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { getFlow, sendFlowEvent, startFlow, type Caller, type FlowSnapshot } from "@/lib/flows/flow-executions";
import { DEFAULT_POLICY_ID, devicePolicyFor } from "@/lib/policy/device-policy";
import { adapterNamed, adapterOf, adapterOfKind, allowedActions, flowExecutionResource, type Shown } from "@/lib/api/flows/flow-execution-resource";
import type { FlowActionRequest } from "@/lib/api/flows/flow-action-request";
import type { FlowAdapter } from "@/lib/api/flows/flow-adapter";
import { flowExecutionIdSchema, startFlowSchema } from "@/lib/validations/api-flows";

/**
 * The flow API's use-cases: start a flow, read it, send it an action. The application is the flow's
 * owner (lib/flows/flow-executions.ts finds it by application and id together), so another
 * application's flow, a browser's flow and an unknown id are the same 404.
 */
type Call = { application: AuthenticatedApplication; meta: RequestMeta };

const callerOf = ({ application, meta }: Call): Caller => ({ meta, session: null, application: { id: application.id } });

const flowNotFound = () => new ApiProblem("NOT_FOUND", "Flow not found.");

/** POST /flows: validates the request, checks the user is this application's, and starts the machine. */
export async function startFlowExecution(call: Call & { body: Record<string, unknown> }) {
  const start = parseBody(startFlowSchema, call.body);
  const policyId = start.configuration.useDefaultPolicy ? DEFAULT_POLICY_ID : start.configuration.deviceAuthenticationPolicy?.id;
  if (policyId !== DEFAULT_POLICY_ID) {
    throw new ApiProblem("VALIDATION_FAILED", "There is no such device authentication policy.", {
      errors: [
        {
          field: "configuration.deviceAuthenticationPolicy.id",
          pointer: "/configuration/deviceAuthenticationPolicy/id",
          detail: `This installation has one policy, "${DEFAULT_POLICY_ID}".`,
        },
      ],
    });
  }
  const user = await getUser({ application: call.application, userId: start.input.user.id });
  const adapter = adapterNamed(start.flow) as FlowAdapter<typeof start>;
  const flow = await startFlow({ kind: adapter.kind, userId: user.id, input: adapter.machineInput(start, user, await devicePolicyFor(policyId)), door: "api", caller: callerOf(call) });
  return flowExecutionResource(adapter, flow);
}

type Owned = Shown & { shown: Shown };

/**
 * The flow and its adapter, for its owner only (410 once it has expired without ending), and what it
 * shows now: itself, or the subflow it waits on, found the same way (same owner).
 */
async function ownFlow(call: Call & { id: string }): Promise<Owned> {
  if (!flowExecutionIdSchema.safeParse(call.id).success) throw flowNotFound();
  const flow = await getFlow({ id: call.id, userId: null, caller: callerOf(call) });
  const adapter = adapterOf(flow);
  if (!adapter) throw flowNotFound();
  if (flow.expired) throw new ApiProblem("EXPIRED", "This flow has expired. Start a new one.");
  return { adapter, flow, shown: await shownBy(call, adapter, flow) };
}

async function shownBy(call: Call, adapter: FlowAdapter<never>, flow: FlowSnapshot): Promise<Shown> {
  const subflowId = adapter.subflowOf?.(flow);
  if (!subflowId) return { adapter, flow };
  const subflow = await getFlow({ id: subflowId, userId: null, caller: callerOf(call) });
  const subAdapter = adapterOfKind(subflow.kind);
  if (!subAdapter) throw new Error(`no API adapter for subflow kind ${subflow.kind}`);
  return { adapter: subAdapter, flow: subflow };
}

/** GET /flowExecutions/{id}. */
export async function readFlowExecution(call: Call & { id: string }) {
  const { adapter, flow, shown } = await ownFlow(call);
  return flowExecutionResource(adapter, flow, shown);
}

/**
 * POST /flowExecutions/{id}: an action the current state offers, carried out as the machine's events.
 * An action the state does not offer (a replay after the flow moved on, one of another state) is 409
 * with the actions it does offer; the machine checks again, so a race between two requests is 409 too.
 */
export async function actOnFlowExecution(call: Call & { id: string; request: FlowActionRequest }) {
  const { adapter, flow, shown } = await ownFlow(call);
  const allowed = allowedActions(shown.adapter, shown.flow);
  const { action, params } = call.request;
  if (!allowed.includes(action)) {
    const detail = flow.result ? "This flow has ended." : `The flow's current state (${(await shown.adapter.represent(shown.flow)).status}) does not offer ${action}.`;
    throw new ApiProblem("ACTION_NOT_ALLOWED", detail, { extensions: { allowedActions: allowed } });
  }
  let current = flow;
  for (const event of await shown.adapter.events(action, params as never, shown.flow)) {
    current = await sendFlowEvent({ id: shown.flow.id, userId: null, event, caller: callerOf(call) });
  }
  // A subflow's event answers with the subflow, or with its parent once it has ended and handed back.
  if (current.id !== flow.id) current = await getFlow({ id: flow.id, userId: null, caller: callerOf(call) });
  return flowExecutionResource(adapter, current, await shownBy(call, adapter, current));
}
