import { inEnglish, isText, type Text } from "@/lib/i18n/text";

/**
 * Errors the app expects and can explain. Their `message` is safe to show; anything else that is
 * thrown is logged and answered with a generic message (conventions.md, "Typed domain errors").
 * Given a Text instead of a string, `message` is its English wording (the flow API, logs) and the
 * pages word it in the reader's language (`localizedError`, lib/actions/action-result.ts).
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
  /** The message as its catalogue key, when it was given as one. */
  readonly text?: Text;
  /** The fields whose error is `text` itself (fieldError), so they are translated with it. */
  readonly textFields?: readonly string[];

  constructor(
    readonly code: AppErrorCode,
    message: string | Text,
    readonly fieldErrors?: Record<string, string[]>,
    /** RATE_LIMITED: when trying again can work, for the flow API's Retry-After (lib/api/problem.ts). */
    readonly retryAfterSeconds?: number,
  ) {
    super(isText(message) ? inEnglish(message) : message);
    this.name = "AppError";
    if (isText(message)) this.text = message;
  }

  /** The same error shown on `field` too (a form's field under the message). */
  static onField(field: string, message: string | Text): AppError {
    const english = isText(message) ? inEnglish(message) : message;
    const error = new AppError("VALIDATION", message, { [field]: [english] });
    if (isText(message)) (error as { textFields?: readonly string[] }).textFields = [field];
    return error;
  }
}

export const notFound = (what = "Device") => new AppError("NOT_FOUND", `${what} not found.`);
