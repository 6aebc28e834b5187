import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import type { AuthenticatorErrorBody, AuthenticatorErrorCode } from "@/lib/authenticator-protocol/errors";
import { ApiProblem, PROBLEMS, problemCodeOfAppError, problemFromError, problemTypeUrl, type ProblemCode } from "@/lib/api/problem";
import { isMobileAuthError } from "@/lib/mobile/mobile-error";

/**
 * The phone's endpoints under /api/v1/authenticator. Unlike the rest of the flow API they take no
 * application key and no cookie: each request that touches a device is signed by that device's key,
 * which lib/mobile verifies, and pairing is authorised by the pairing key itself. Their refusals are
 * problem documents like the flow API's, with `type` and `title` naming the general kind and `code` the
 * protocol's exact refusal (AuthenticatorErrorCode), which apps switch on; `message` repeats `detail`
 * for apps that read the protocol's earlier { code, message } body.
 */
export function authenticatorHandler(handler: (request: Request, meta: RequestMeta) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request, metaFromHeaders(request.headers));
    } catch (error) {
      return authenticatorProblemFromError(error);
    }
  };
}

/** A successful answer: JSON, never cached (pairing's answer holds the passcode seed). */
export function authenticatorJson(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

export function authenticatorProblem(options: {
  code: AuthenticatorErrorCode;
  detail: string;
  status: number;
  kind: ProblemCode;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}): Response {
  const body: AuthenticatorErrorBody & Record<string, unknown> = {
    ...options.extensions,
    type: problemTypeUrl(options.kind),
    title: PROBLEMS[options.kind].title,
    status: options.status,
    code: options.code,
    detail: options.detail,
    message: options.detail,
  };
  return new Response(JSON.stringify(body), {
    status: options.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers },
  });
}

/**
 * Any error, as the phone's endpoints answer it: the domain's refusals with their reason and words; a
 * body that cannot be read or parsed (not JSON, too large, wrong media type, a field of the wrong
 * type) as INVALID_REQUEST with the reader's status (400, 413 or 415), never a 500; anything else as
 * the flow API answers it (503 for a busy database, 500 logged under an id).
 */
export function authenticatorProblemFromError(error: unknown): Response {
  if (isMobileAuthError(error)) {
    const retryAfter = error.retryAfterSeconds;
    return authenticatorProblem({
      code: error.reason,
      detail: error.message,
      status: error.httpStatus,
      kind: problemCodeOfAppError(error.code),
      ...(retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } }),
    });
  }
  if (error instanceof ApiProblem && error.status < 500) {
    return authenticatorProblem({
      code: "INVALID_REQUEST",
      detail: error.detail,
      status: error.status,
      kind: error.code,
      ...(error.options.headers ? { headers: error.options.headers } : {}),
      ...(error.options.errors?.length ? { extensions: { errors: error.options.errors } } : {}),
    });
  }
  return problemFromError(error);
}
