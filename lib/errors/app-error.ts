/**
 * Errors the app expects and can explain. Their `message` is safe to show; anything else that is
 * thrown is logged and answered with a generic message (conventions.md, "Typed domain errors").
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "FORBIDDEN"
  | "EXPIRED"
  | "LOCKED"
  | "RATE_LIMITED"
  | "REAUTH_REQUIRED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** RATE_LIMITED: when trying again can work, for the flow API's Retry-After (lib/api/problem.ts). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Device") => new AppError("NOT_FOUND", `${what} not found.`);
