import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { readFlowAction } from "@/lib/api/flows/flow-action-request";
import { actOnFlowExecution, readFlowExecution } from "@/lib/api/flows/flow-executions";

/** GET /api/v1/flowExecutions/{id}: the flow's current state and the actions it offers (clients poll it). */
export const GET = apiHandler<{ id: string }>(async (_request, { application, meta, params }) =>
  halResponse(await readFlowExecution({ application, meta, id: params.id })),
);

/** POST /api/v1/flowExecutions/{id}: one action, chosen by the body's media type (or `action` in JSON). */
export const POST = apiHandler<{ id: string }>(async (request, { application, meta, params }) => {
  const action = await readFlowAction(request);
  return halResponse(await actOnFlowExecution({ application, meta, id: params.id, request: action }));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = methodNotAllowed(["GET", "POST"]);
export const DELETE = methodNotAllowed(["GET", "POST"]);
