import { notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/admin/admin-access";
import { requestMeta } from "@/lib/auth/request-meta";
import { exportFileName, startAuditExport } from "@/lib/audit/export-audit-events";
import { isDatabaseUnavailable, serviceBusyResponse } from "@/lib/database/unavailable";
import { AppError } from "@/lib/errors/app-error";
import { wordValidationMessage } from "@/lib/validations/word-validation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { auditFiltersSchema, firstFilterError, queryValues } from "@/lib/validations/audit";

const formatSchema = z.enum(["csv", "json"]);

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/**
 * GET /admin/audit/export?format=csv|json&user=&actor=&action=&from=&to=: the audit log the page
 * shows with the same filters, every page of it, streamed (lib/audit/export-audit-events.ts).
 * Administrators only: everyone else, helpdesk included, gets the same 404 as for an unknown page.
 */
export async function GET(request: Request) {
  try {
    const staff = await requireStaff("audit.read");
    const values = queryValues(new URL(request.url).searchParams);
    const format = formatSchema.safeParse(values.format ?? "csv");
    // Read by a person who edited the link by hand: in their language, like the page.
    const locale = await requestLocale();
    if (!format.success) return badRequest(translatorFor(locale, "admin")("audit.badFormat"));
    const filters = auditFiltersSchema.safeParse(values);
    if (!filters.success) return badRequest(wordValidationMessage(firstFilterError(filters.error), locale));
    const body = await startAuditExport({ actorId: staff.user.id, filters: filters.data, format: format.data, meta: await requestMeta() });
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPE[format.data],
        "Content-Disposition": `attachment; filename="${exportFileName(format.data)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // Next's own 404, the answer to any unknown path: nothing tells a probe that this one exists.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (isDatabaseUnavailable(error)) return serviceBusyResponse();
    throw error;
  }
}

function badRequest(message: string) {
  return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
