import "server-only";
import { db } from "@/lib/db";
import { auditLabel } from "@/lib/audit/audit-labels";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { readAuditPage, type AuditPosition, type AuditRow } from "@/lib/audit/search-audit-events";
import type { AuditFilters } from "@/lib/validations/audit";

export type AuditExportFormat = "csv" | "json";

/** Rows read per statement: a page at a time is all the export ever holds. */
export const EXPORT_PAGE_SIZE = 1000;

/** The export's columns, in order: CSV's header row and JSON's keys. */
const COLUMNS = [
  "id",
  "time",
  "action",
  "actionLabel",
  "userId",
  "userEmail",
  "actorId",
  "actorEmail",
  "applicationId",
  "applicationName",
  "deviceId",
  "deviceNickname",
  "deviceType",
  "ip",
  "userAgent",
  "details",
] as const;

type ExportRecord = Record<(typeof COLUMNS)[number], unknown>;

function toRecord(row: AuditRow): ExportRecord {
  return {
    id: row.id,
    time: row.createdAt.toISOString(),
    action: row.action,
    actionLabel: auditLabel(row.action),
    userId: row.userId,
    userEmail: row.userEmail,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    applicationId: row.applicationId,
    applicationName: row.applicationName,
    deviceId: row.deviceId,
    deviceNickname: row.deviceNickname,
    deviceType: row.deviceType,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  };
}

/**
 * A staff member's export: recorded first (who, which format, which filters), then streamed. The
 * export's own row is the newest of the log it exports.
 */
export async function startAuditExport(options: {
  actorId: string;
  filters: AuditFilters;
  format: AuditExportFormat;
  meta: RequestMeta;
}): Promise<ReadableStream<Uint8Array>> {
  const { actorId, filters, format, meta } = options;
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "audit.exported", userId: null, actorId, details: { format, filters }, meta }));
  return exportAuditEvents({ filters, format });
}

/**
 * The audit log matching `filters`, newest first, as a stream of CSV or JSON text. The stream pulls:
 * it reads the next page of EXPORT_PAGE_SIZE rows (by keyset, from the last row written) only when
 * the reader, in the end the HTTP client, has taken the previous one, so 100,000 rows never sit in
 * memory, and a client that goes away stops the reading. Rows written after the export began are
 * newer than its first row and are not in it: the export is the log as it was when it started.
 */
export function exportAuditEvents(options: {
  filters: AuditFilters;
  format: AuditExportFormat;
  pageSize?: number;
  /** The page reader; a test passes one that counts its calls, to see the stream wait for its reader. */
  readPage?: typeof readAuditPage;
}): ReadableStream<Uint8Array> {
  const { filters, format } = options;
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const readPage = options.readPage ?? readAuditPage;
  const encoder = new TextEncoder();
  let position: AuditPosition | undefined;
  let written = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte order mark tells spreadsheets the file is UTF-8 (names and user agents are not ASCII).
      controller.enqueue(encoder.encode(format === "csv" ? `\uFEFF${csvRecord(COLUMNS)}` : "["));
    },
    async pull(controller) {
      const rows = await readPage({ filters, after: position, direction: "older", take: pageSize });
      if (rows.length > 0) {
        let chunk = "";
        for (const row of rows) {
          const record = toRecord(row);
          chunk += format === "csv" ? csvRecord(COLUMNS.map((column) => record[column])) : `${written === 0 ? "\n" : ",\n"}${jsonRecord(record)}`;
          written += 1;
        }
        controller.enqueue(encoder.encode(chunk));
        const last = rows[rows.length - 1]!;
        position = { createdAt: last.createdAt, id: last.id };
      }
      if (rows.length < pageSize) {
        if (format === "json") controller.enqueue(encoder.encode(written === 0 ? "]\n" : "\n]\n"));
        controller.close();
      }
    },
  });
}

/** One JSON element: the details as the object they were recorded as. */
function jsonRecord(record: ExportRecord): string {
  return JSON.stringify({ ...record, details: parseDetails(record.details as string | null) });
}

function parseDetails(details: string | null): unknown {
  if (details === null) return null;
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

/**
 * A cell a spreadsheet reads as text, never as a formula: one that starts with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP, "CSV Injection"). A nickname, user agent or name
 * is chosen by whoever is being audited, so it cannot be trusted to be harmless.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The download's file name, e.g. audit-log-2026-12-04T19-47-12Z.csv. */
export function exportFileName(format: AuditExportFormat, now = new Date()): string {
  return `audit-log-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.${format}`;
}
