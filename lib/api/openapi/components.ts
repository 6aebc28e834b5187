import "server-only";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { PROBLEMS, type ProblemCode } from "@/lib/api/problem";
import { HAL_JSON } from "@/lib/api/hal";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";

/**
 * What every part of the flow API's OpenAPI document shares: HAL links, the problem document, the
 * bearer key, and one response per error status, so each operation names its errors by status and
 * they read the same everywhere. The operations themselves live in ./paths, one file per route family.
 */

export const PROBLEM_JSON = "application/problem+json";
export { HAL_JSON };

/** The name of the security scheme in the document (components.securitySchemes). */
export const API_KEY_SCHEME = "apiKey";

export const halLinkSchema = z
  .strictObject({
    href: z.url().meta({ description: "Absolute URL of the linked resource." }),
    type: z.string().optional().meta({ description: "For a flow's action: the media type that chooses it, to send as Content-Type." }),
  })
  .meta({ id: "HalLink", description: "A link (HAL). Follow it as given rather than building URLs." });

export const halLinksSchema = z
  .object({ self: halLinkSchema.meta({ description: "This resource's own URL." }) })
  .catchall(z.union([halLinkSchema, z.array(halLinkSchema)]))
  .meta({ id: "HalLinks", description: "`_links` (HAL): `self`, and one member per relation the resource has now." });

const fieldProblemSchema = z
  .strictObject({
    field: z.string().meta({ description: "The body field's path (`email`, `device.nickname`) or the query parameter's name." }),
    pointer: z.string().optional().meta({ description: "JSON Pointer (RFC 6901) to the body field; absent for query parameters." }),
    detail: z.string().meta({ description: "What is wrong with it, in words that can be shown." }),
  })
  .meta({ id: "FieldProblem", description: "One failing input." });

const problemCodes = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];

/** The members problemResponse (lib/api/problem.ts) writes; RFC 9457 allows more (extension members), so unknown ones are allowed. */
export const problemSchema = z
  .looseObject({
    type: z.url().meta({ description: "URL naming the kind of problem; it answers with the kind's description (GET /problems/{type})." }),
    title: z.string().meta({ description: "The kind of problem, in words; the same for every occurrence." }),
    status: z.int().meta({ description: "The HTTP status code." }),
    code: z.enum(problemCodes).meta({ description: "The kind as a stable constant, for programs to switch on." }),
    detail: z.string().meta({ description: "This occurrence, in words that can be shown." }),
    instance: z.string().optional().meta({ description: "For INTERNAL_ERROR: `urn:uuid:…` naming the occurrence in the operator's logs." }),
    errors: z.array(fieldProblemSchema).optional().meta({ description: "For VALIDATION_FAILED and some conflicts: one entry per failing field." }),
    existingUser: z.url().optional().meta({ description: "For USER_EXISTS and EXTERNAL_ID_TAKEN, when the user is this application's own: its link." }),
  })
  .meta({ id: "Problem", description: "A problem document (RFC 9457), the body of every error." });

const retryAfter = z.string().meta({ description: "Seconds to wait before trying again.", examples: ["30"] });

/** Problem statuses an operation can answer, each with its reusable response. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 423 | 429 | 500 | 503;

const ERROR_RESPONSE_IDS: Record<ErrorStatus, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  410: "Gone",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  423: "Locked",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceBusy",
};

const ERROR_HEADERS: Partial<Record<ErrorStatus, z.ZodObject>> = {
  405: z.object({ Allow: z.string().meta({ description: "The methods the resource supports.", examples: ["GET, POST"] }) }),
  415: z.object({ "Accept-Post": z.string().meta({ description: "The media types the resource accepts.", examples: ["application/json"] }) }),
  429: z.object({ "Retry-After": retryAfter }),
  503: z.object({ "Retry-After": retryAfter }),
};

const codesOf = (status: number) => problemCodes.filter((code) => PROBLEMS[code].status === status);

function errorResponse(status: ErrorStatus): ZodOpenApiResponseObject {
  const codes = codesOf(status);
  const extra = status === 413 ? ` Bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.` : "";
  return {
    description: `${codes.map((code) => PROBLEMS[code].title).join("; ")}. \`code\`: ${codes.map((code) => `\`${code}\``).join(", ")}.${extra}`,
    ...(ERROR_HEADERS[status] ? { headers: ERROR_HEADERS[status] } : {}),
    content: { [PROBLEM_JSON]: { schema: problemSchema } },
  };
}

/** Every error response, by its name under components.responses (all of them, used yet or not). */
export const ERROR_RESPONSES: Record<string, ZodOpenApiResponseObject> = Object.fromEntries(
  (Object.keys(ERROR_RESPONSE_IDS).map(Number) as ErrorStatus[]).map((status) => [ERROR_RESPONSE_IDS[status], errorResponse(status)]),
);

/**
 * `errors(400, 404)` → references to those statuses' responses, to spread into an operation's
 * `responses`. References, not the objects: zod-openapi would inline a manually registered response.
 */
export function errors(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSE_IDS[status]}` }]));
}

/**
 * An operation behind apiHandler (lib/api/api-handler.ts): it needs the application's key, and besides
 * its own responses it can answer what apiHandler answers for any request: 401 (no or bad key), 429 (the
 * application's limit), 503 (database busy) and 500.
 */
export function authenticated(operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return {
    ...operation,
    security: [{ [API_KEY_SCHEME]: [] }],
    responses: { ...operation.responses, ...errors(401, 429, 500, 503) },
  };
}

/** An operation anyone may call, without a key (it describes the API, nothing about anyone's data). */
export function unauthenticated(operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return { ...operation, security: [] };
}
