import "server-only";
import { ApiProblem } from "@/lib/api/problem";
import { parseBody } from "@/lib/api/parse-input";
import { getUser } from "@/lib/api/users/get-user";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { getFlow, sendFlowEvent, startFlow, type Caller, type FlowSnapshot } from "@/lib/flows/flow-executions";
import { DEFAULT_POLICY_ID } from "@/lib/policy/device-policy";
import { adapterNamed, adapterOf, allowedActions, flowExecutionResource } from "@/lib/api/flows/flow-execution-resource";
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
  const flow = await startFlow({ kind: adapter.kind, userId: user.id, input: adapter.machineInput(start, user), door: "api", caller: callerOf(call) });
  return flowExecutionResource(adapter, flow);
}

/** The flow and its adapter, for its owner only; 410 once it has expired without ending. */
async function ownFlow(call: Call & { id: string }): Promise<{ adapter: FlowAdapter<never>; flow: FlowSnapshot }> {
  if (!flowExecutionIdSchema.safeParse(call.id).success) throw flowNotFound();
  const flow = await getFlow({ id: call.id, userId: null, caller: callerOf(call) });
  const adapter = adapterOf(flow);
  if (!adapter) throw flowNotFound();
  if (flow.expired) throw new ApiProblem("EXPIRED", "This flow has expired. Start a new one.");
  return { adapter, flow };
}

/** GET /flowExecutions/{id}. */
export async function readFlowExecution(call: Call & { id: string }) {
  const { adapter, flow } = await ownFlow(call);
  return flowExecutionResource(adapter, flow);
}

/**
 * POST /flowExecutions/{id}: an action the current state offers, carried out as the machine's events.
 * An action the state does not offer (a replay after the flow moved on, one of another state) is 409
 * with the actions it does offer; the machine checks again, so a race between two requests is 409 too.
 */
export async function actOnFlowExecution(call: Call & { id: string; request: FlowActionRequest }) {
  const { adapter, flow } = await ownFlow(call);
  const allowed = allowedActions(adapter, flow);
  const { action, params } = call.request;
  if (!allowed.includes(action)) {
    const detail = flow.result ? "This flow has ended." : `The flow's current state (${(await adapter.represent(flow)).status}) does not offer ${action}.`;
    throw new ApiProblem("ACTION_NOT_ALLOWED", detail, { extensions: { allowedActions: allowed } });
  }
  let current = flow;
  for (const event of await adapter.events(action, params as never, flow)) {
    current = await sendFlowEvent({ id: flow.id, userId: null, event, caller: callerOf(call) });
  }
  return flowExecutionResource(adapter, current);
}
