import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { readJsonBody } from "@/lib/api/read-json-body";
import { startFlowExecution } from "@/lib/api/flows/flow-executions";

/** POST /api/v1/flows: start a flow for one of this application's users (201, Location: the execution). */
export const POST = apiHandler(async (request, { application, meta }) => {
  const { body } = await readJsonBody(request);
  const execution = await startFlowExecution({ application, meta, body });
  return halResponse(execution, { status: 201, headers: { Location: execution._links.self.href } });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);
