import { methodNotAllowed } from "@/lib/api/api-handler";
import { openApiDocument } from "@/lib/api/openapi/document";

/**
 * GET /api/v1/openapi.json: this API's OpenAPI 3.1 document (lib/api/openapi), the one the reference
 * page at /developers/api renders. Public, like the problem types: it describes the API, nothing about
 * anyone's data. It changes only with a release or APP_URL, so caches may keep it for an hour.
 */
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);
