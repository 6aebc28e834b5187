import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { isDatabaseUnavailable, SERVICE_BUSY_MESSAGE } from "@/lib/database/unavailable";

/** The one result shape every server action answers with, read by useActionState. */
export type ActionResult = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const idle: ActionResult = { status: "idle" };

export function invalid(error: z.ZodError): ActionResult {
  return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors };
}

/**
 * Known errors become their safe message; anything else is logged and answered generically, so an
 * exception's text never reaches the browser (conventions.md, "Typed domain errors").
 */
export function failure(error: unknown): ActionResult {
  if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  // A busy database is no verdict on what the person entered: say so, and that trying again will do.
  if (isDatabaseUnavailable(error)) {
    console.warn("database busy", error instanceof Error ? error.message : error);
    return { status: "error", message: SERVICE_BUSY_MESSAGE };
  }
  console.error(error);
  return { status: "error", message: "Something went wrong on our side. Nothing was changed; please try again." };
}
