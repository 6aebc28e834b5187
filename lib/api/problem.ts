import "server-only";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";

/**
 * Every error of the flow API (/api/v1) is a problem document (RFC 9457, application/problem+json):
 * `type` (a URL naming the kind of problem), `title` (the kind, in words), `status`, `code` (the same
 * kind as a stable constant for programs to switch on), `detail` (this occurrence, in words), and
 * for validation `errors`, one per failing field. Nothing else: never an exception's message or stack.
 *
 * The catalogue below is the whole list, served at the types' URLs (app/api/v1/problems/[type]). A code
 * is never renamed or reused once published; a new situation gets a new code.
 */
export const PROBLEMS = {
  MALFORMED_BODY: { status: 400, title: "Malformed request body", description: "The body could not be read as a JSON object: not JSON, not UTF-8, or not an object." },
  VALIDATION_FAILED: { status: 400, title: "Invalid request", description: "One or more fields or query parameters are missing or invalid; `errors` lists each with what is wrong." },
  UNAUTHENTICATED: { status: 401, title: "Authentication required", description: "The request carries no API key. Send it as `Authorization: Bearer <key>`." },
  INVALID_CREDENTIALS: { status: 401, title: "Invalid API key", description: "The API key is malformed, unknown, or was revoked." },
  FORBIDDEN: { status: 403, title: "Forbidden", description: "The application may not do this." },
  REAUTH_REQUIRED: { status: 403, title: "Fresh authentication required", description: "The user must authenticate again before this change." },
  NOT_FOUND: { status: 404, title: "Not found", description: "No such resource for this application: it does not exist, or it belongs to another application." },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed", description: "The resource does not support this HTTP method; `Allow` lists those it does." },
  CONFLICT: { status: 409, title: "Conflict", description: "The request conflicts with the resource's current state." },
  ACTION_NOT_ALLOWED: { status: 409, title: "Action not allowed", description: "The flow's current state does not offer this action; its `_links` list the actions it does." },
  USER_EXISTS: { status: 409, title: "User already exists", description: "A user with this email address already exists in this installation." },
  USERNAME_TAKEN: { status: 409, title: "Username taken", description: "Another user already has this username." },
  EXTERNAL_ID_TAKEN: { status: 409, title: "External id taken", description: "This application already has a user with this externalId." },
  EXPIRED: { status: 410, title: "Expired", description: "The resource existed but has expired." },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Request body too large", description: "The request body is larger than the API accepts." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type", description: "The body's Content-Type is not one this resource accepts; `Accept-Post` (for POST) or `Accept-Patch` (for PATCH) lists those it does." },
  LOCKED: { status: 423, title: "Locked", description: "The resource is locked for a while after too many failed attempts." },
  RATE_LIMITED: { status: 429, title: "Too many requests", description: "The application has used up its requests for now; `Retry-After` says when to try again." },
  INTERNAL_ERROR: { status: 500, title: "Internal error", description: "Something went wrong on our side. `instance` identifies the occurrence in our logs." },
  SERVICE_BUSY: { status: 503, title: "Service busy", description: "The database was busy; nothing was changed. Try again after `Retry-After` seconds." },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** One failing input: `field` is the body field's path ("email"; "" for the body as a whole) or the query parameter's name; `pointer` (RFC 6901) for body fields. */
export type FieldProblem = { field: string; pointer?: string; detail: string };

type ProblemOptions = {
  errors?: FieldProblem[];
  headers?: Record<string, string>;
  /** More members of the document (RFC 9457 extension members), e.g. a link to the existing resource. */
  extensions?: Record<string, unknown>;
};

/** "USER_EXISTS" → "user-exists", the last segment of the type's URL. */
export const problemSlug = (code: ProblemCode) => code.toLowerCase().replaceAll("_", "-");

export function problemCodeOfSlug(slug: string): ProblemCode | undefined {
  const code = slug.toUpperCase().replaceAll("-", "_");
  return Object.hasOwn(PROBLEMS, code) ? (code as ProblemCode) : undefined;
}

export const problemTypeUrl = (code: ProblemCode) => `${config().appUrl}/api/v1/problems/${problemSlug(code)}`;

/** A problem the API answers with; thrown by the door's helpers and the API's use-cases, caught by apiHandler. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export function problemResponse(code: ProblemCode, detail: string, options: ProblemOptions = {}): Response {
  const { status, title } = PROBLEMS[code];
  const body = {
    ...options.extensions,
    type: problemTypeUrl(code),
    title,
    status,
    code,
    detail,
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers },
  });
}

/** The domain's typed errors, as the API names them. */
const APP_ERROR_PROBLEMS: Record<AppErrorCode, ProblemCode> = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION: "VALIDATION_FAILED",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  EXPIRED: "EXPIRED",
  LOCKED: "LOCKED",
  RATE_LIMITED: "RATE_LIMITED",
  REAUTH_REQUIRED: "REAUTH_REQUIRED",
};

/** The general kind of problem a domain error is, e.g. for the authenticator's endpoints, which add their own finer `code`. */
export function problemCodeOfAppError(code: AppErrorCode): ProblemCode {
  return APP_ERROR_PROBLEMS[code] ?? "CONFLICT";
}

/** A domain rate limit that did not say how long (its message does, in words): a minute is a safe guess. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Any error, as the API answers it. Our own problems and the domain's typed errors (AppError, whose
 * message is written to be shown) keep their words; a busy database is 503 with Retry-After, as
 * everywhere in the app; anything else is logged under a fresh id and answered 500 with a generic
 * detail and that id, so an operator can find the cause without the client ever seeing it.
 */
export function problemFromError(error: unknown): Response {
  if (error instanceof ApiProblem) return problemResponse(error.code, error.detail, error.options);
  if (error instanceof AppError) {
    const code = problemCodeOfAppError(error.code);
    const errors = error.fieldErrors
      ? Object.entries(error.fieldErrors).flatMap(([field, details]) => details.map((detail) => ({ field, pointer: `/${field}`, detail })))
      : undefined;
    const headers: Record<string, string> =
      code === "RATE_LIMITED" ? { "Retry-After": String(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) } : {};
    return problemResponse(code, error.message, { ...(errors ? { errors } : {}), headers });
  }
  if (isDatabaseUnavailable(error)) {
    console.warn("database busy", error instanceof Error ? error.message : error);
    return problemResponse("SERVICE_BUSY", "The service is busy. Nothing was changed; please try again.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  }
  const id = randomUUID();
  console.error(`api error ${id}`, error);
  return problemResponse("INTERNAL_ERROR", "Something went wrong on our side. Please try again later.", {
    extensions: { instance: `urn:uuid:${id}` },
  });
}

/** What a problem type's URL answers: the kind of problem, described (app/api/v1/problems/[type]). */
export function problemTypeDescription(slug: string): Response {
  const code = problemCodeOfSlug(slug);
  if (!code) return problemResponse("NOT_FOUND", "There is no such problem type.");
  const { status, title, description } = PROBLEMS[code];
  return Response.json(
    { type: problemTypeUrl(code), code, title, status, description },
    // The catalogue changes only with a release.
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
