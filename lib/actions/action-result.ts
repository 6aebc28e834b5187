import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { text, translate } from "@/lib/i18n/text";
import { wordFieldErrors, wordValidationMessage } from "@/lib/validations/word-validation";

/** The one result shape every server action answers with, read by useActionState. */
export type ActionResult = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const idle: ActionResult = { status: "idle" };

export function invalid(error: z.ZodError, locale: Locale = DEFAULT_LOCALE): ActionResult {
  return { status: "error", message: translate(locale, text("errors.correctFields")), fieldErrors: wordFieldErrors(z.flattenError(error).fieldErrors, locale) };
}

/**
 * An AppError's message and field errors in `locale`: its Text translated, a field check's English
 * words (lib/validations/validation-messages.ts) found and translated, any other string as it is.
 */
export function localizedError(error: AppError, locale: Locale): Pick<ActionResult, "message" | "fieldErrors"> {
  if (!error.text) return { message: wordValidationMessage(error.message, locale), fieldErrors: error.fieldErrors && wordFieldErrors(error.fieldErrors, locale) };
  const message = translate(locale, error.text);
  const fieldErrors = error.fieldErrors ? wordFieldErrors(error.fieldErrors, locale) : undefined;
  for (const field of error.textFields ?? []) if (fieldErrors) fieldErrors[field] = [message];
  return { message, fieldErrors };
}

/**
 * Known errors become their safe message; anything else is logged and answered generically, so an
 * exception's text never reaches the browser (conventions.md, "Typed domain errors"). Worded in the
 * reader's `locale` where the message has a translation.
 */
export function failure(error: unknown, locale: Locale = DEFAULT_LOCALE): ActionResult {
  if (error instanceof AppError) return { status: "error", ...localizedError(error, locale) };
  // A busy database is no verdict on what the person entered: say so, and that trying again will do.
  if (isDatabaseUnavailable(error)) {
    console.warn("database busy", error instanceof Error ? error.message : error);
    return { status: "error", message: translate(locale, text("errors.busy")) };
  }
  console.error(error);
  return { status: "error", message: translate(locale, text("errors.generic")) };
}
