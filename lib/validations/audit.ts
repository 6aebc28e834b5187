import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-labels";
import type { AuditAction } from "@/lib/audit/record-audit-event";

/**
 * The admin audit log's filters (/admin/audit and its export): what a GET query may carry. Shared by
 * the page and the export route, so a link the page builds is one the export accepts.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An empty field is no filter: the form sends every field, filled in or not. */
const ONCE = { error: "Give each filter once." };

const optionalText = (max: number, tooLong: string) =>
  z
    .string(ONCE)
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const optionalDay = (what: string) =>
  z
    .string(ONCE)
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || (DAY.test(v) && dayStart(v) !== null), { error: `Enter the ${what} date as YYYY-MM-DD.` });

export const auditFiltersSchema = z
  .object({
    user: optionalText(320, "The user is an email address or an id: at most 320 characters."),
    actor: optionalText(320, "The actor is an email address, an id or an application's client id: at most 320 characters."),
    action: z
      .string(ONCE)
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || (AUDIT_ACTIONS as string[]).includes(v), { error: "Choose an action from the list." })
      .transform((v) => v as AuditAction | undefined),
    from: optionalDay("first"),
    to: optionalDay("last"),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { error: "The first date must not be after the last.", path: ["to"] });

/** What the schema's output fills in; code and tests may leave any filter out. */
export type AuditFilters = { user?: string; actor?: string; action?: AuditAction; from?: string; to?: string };

/** Midnight UTC starting `day` (YYYY-MM-DD), or null for a day that does not exist (2026-02-30). */
export function dayStart(day: string): Date | null {
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/**
 * A query string's values as the schema reads them. A parameter given twice is not something our
 * form sends: it is left as a list, which the schema refuses, rather than picking one silently.
 */
export function queryValues(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  const entries = params instanceof URLSearchParams ? [...new Set(params.keys())].map((k) => [k, params.getAll(k)] as const) : Object.entries(params);
  return Object.fromEntries(entries.map(([key, value]) => [key, Array.isArray(value) && value.length === 1 ? value[0] : value]));
}

/** The filters as query parameters, for links that keep them (pages, exports). */
export function filterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["user", "actor", "action", "from", "to"] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}

/** The first error of a failed parse, as one sentence for the page or the export's 400. */
export function firstFilterError(error: z.ZodError): string {
  const { formErrors, fieldErrors } = z.flattenError(error);
  const first = formErrors[0] ?? Object.values(fieldErrors as Record<string, string[] | undefined>).flat()[0];
  return first ?? "These filters are not valid.";
}
