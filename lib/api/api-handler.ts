import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { authenticateApplication, type AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { limitApplicationRequests } from "@/lib/rate-limit/limits";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { ApiProblem, problemFromError, problemResponse } from "@/lib/api/problem";

export type ApiContext<Params> = {
  application: AuthenticatedApplication;
  params: Params;
  /** The client address, user agent and this application, for the audit log (client address per TRUSTED_PROXIES). */
  meta: RequestMeta;
};

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Every /api/v1 route handler is one of these: it authenticates the application (401), counts the
 * request against the application's limit (429 with Retry-After), then runs the handler; whatever the
 * handler throws becomes a problem document (lib/api/problem.ts), never a 500 page or a stack trace.
 * Authentication comes first, so nobody without a key costs more than one hash and at most one
 * indexed read; the limit comes before the body is read, so refused requests cost no more.
 */
export function apiHandler<Params = Record<string, never>>(handler: (request: Request, context: ApiContext<Params>) => Promise<Response>) {
  return async (request: Request, route: RouteContext<Params>): Promise<Response> => {
    try {
      const application = await authenticateApplication({ authorization: request.headers.get("authorization") });
      const verdict = await limitApplicationRequests({ applicationId: application.id, limitPerMinute: application.rateLimitPerMinute });
      if (!verdict.allowed) {
        throw new ApiProblem("RATE_LIMITED", `This application has made too many requests. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, {
          headers: { "Retry-After": String(verdict.retryAfterSeconds) },
        });
      }
      return await handler(request, { application, params: await route.params, meta: { ...metaFromHeaders(request.headers), applicationId: application.id } });
    } catch (error) {
      return problemFromError(error);
    }
  };
}

/** For the methods a resource does not have: 405 with `Allow`, as a problem document like every other error. */
export function methodNotAllowed(allow: readonly string[]) {
  return async (): Promise<Response> =>
    problemResponse("METHOD_NOT_ALLOWED", `This resource supports ${allow.join(", ")}.`, { headers: { Allow: allow.join(", ") } });
}

/** For any path under /api/v1 that is not a resource (app/api/v1/[...path]). */
export async function unknownResource(): Promise<Response> {
  return problemResponse("NOT_FOUND", "There is no such resource in this API.");
}
