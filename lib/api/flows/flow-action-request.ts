import "server-only";
import { ApiProblem } from "@/lib/api/problem";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { FLOW_ACTIONS, flowActionMediaType, flowActionSchemas, type FlowAction, type FlowActionParams } from "@/lib/validations/api-flows";

export type FlowActionRequest = { [A in FlowAction]: { action: A; params: FlowActionParams<A> } }[FlowAction];

const byMediaType = new Map(FLOW_ACTIONS.map((action) => [flowActionMediaType(action).toLowerCase(), action]));

/** What POST /flowExecutions/{id} takes: each action's media type, and plain JSON naming the action. */
export const FLOW_ACTION_MEDIA_TYPES = [...byMediaType.keys(), "application/json"];

/**
 * The action a POST to a flow execution asks for. Its media type names it
 * (`application/vnd.mfaportal.device.create+json`), as the contract has it; proxies that strip custom
 * media types can send `application/json` with `"action": "device.create"` in the body instead.
 * Another media type is 415 listing those taken; a body that is not the action's parameters is 400.
 */
export async function readFlowAction(request: Request): Promise<FlowActionRequest> {
  const { mediaType, body } = await readJsonBody(request, { accepts: FLOW_ACTION_MEDIA_TYPES });
  let action = byMediaType.get(mediaType);
  const params = { ...body };
  if (!action) {
    const named = params.action;
    delete params.action;
    if (typeof named !== "string" || !FLOW_ACTIONS.includes(named as FlowAction)) {
      throw new ApiProblem("VALIDATION_FAILED", "Name the action: send application/json with an action, or the action's own media type.", {
        errors: [{ field: "action", pointer: "/action", detail: `Use one of ${FLOW_ACTIONS.join(", ")}.` }],
      });
    }
    action = named as FlowAction;
  } else if ("action" in params && params.action !== action) {
    throw new ApiProblem("VALIDATION_FAILED", "The body names another action than the media type.", {
      errors: [{ field: "action", pointer: "/action", detail: `Leave action out, or send "${action}".` }],
    });
  } else {
    delete params.action;
  }
  return { action, params: parseBody(flowActionSchemas[action], params) } as FlowActionRequest;
}
