import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { dayStart, type AuditFilters } from "@/lib/validations/audit";

const { sql, join, empty } = Prisma;
type Sql = Prisma.Sql;

/** One row of the admin audit log, with the names a person reads next to the ids. */
export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  userId: string | null;
  userEmail: string | null;
  actorId: string | null;
  actorEmail: string | null;
  applicationId: string | null;
  applicationName: string | null;
  deviceId: string | null;
  /** Null once the device has been removed: the row keeps its id. */
  deviceNickname: string | null;
  deviceType: string | null;
  ip: string | null;
  userAgent: string | null;
  /** JSON, as recorded. */
  details: string | null;
};

/** Where a page starts: just past this row, older (the next page) or newer (the previous page). */
export type AuditPosition = { createdAt: Date; id: string };
type Direction = "older" | "newer";

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/**
 * Reads one page of the audit log, newest first, in ONE statement: the filters, the keyset position
 * and the names (user, actor, application, device) are all in it, so a page costs the same at row 10
 * and at row 100,000 (keyset, never OFFSET). Each filter has an index that also gives the order
 * (prisma/schema.prisma, AuditEvent; checked by search-audit-plans.sqlite.test.ts).
 *
 * The user and the actor are looked up by email or id inside the statement (a scalar subquery: at
 * most one account, so the index on (userId|actorId, createdAt, id) still reads in order). An actor
 * may also be an application, by id or client id: the row then names it in applicationId.
 */
export async function readAuditPage(options: {
  filters: AuditFilters;
  after?: AuditPosition;
  direction?: Direction;
  take: number;
}): Promise<AuditRow[]> {
  const direction = options.direction ?? "older";
  const take = Math.min(Math.max(1, Math.trunc(options.take)), MAX_PAGE_SIZE + 1);
  const conditions = filterConditions(options.filters);
  if (options.after) {
    const { createdAt, id } = options.after;
    // Written as a range on createdAt plus a tie-break, so the index's createdAt column bounds the read.
    conditions.push(
      direction === "older"
        ? sql`e."createdAt" <= ${createdAt} AND (e."createdAt" < ${createdAt} OR e."id" < ${id})`
        : sql`e."createdAt" >= ${createdAt} AND (e."createdAt" > ${createdAt} OR e."id" > ${id})`,
    );
  }
  const where = conditions.length > 0 ? sql`WHERE ${join(conditions, " AND ")}` : empty;
  const order = direction === "older" ? sql`ORDER BY e."createdAt" DESC, e."id" DESC` : sql`ORDER BY e."createdAt" ASC, e."id" ASC`;
  const rows = await db.$queryRaw<AuditRow[]>`
    SELECT e."id", e."createdAt", e."action", e."userId", u."email" AS "userEmail", e."actorId", a."email" AS "actorEmail",
           e."applicationId", app."name" AS "applicationName", e."deviceId", d."nickname" AS "deviceNickname", d."type" AS "deviceType",
           e."ip", e."userAgent", e."details"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."userId"
    LEFT JOIN "User" a ON a."id" = e."actorId"
    LEFT JOIN "ApiApplication" app ON app."id" = e."applicationId"
    LEFT JOIN "Device" d ON d."id" = e."deviceId"
    ${where}
    ${order}
    LIMIT ${take}`;
  // SQLite hands a raw query's DATETIME back as Prisma's Date already; PostgreSQL too. Normalised
  // anyway, so a driver that answers text cannot break the keyset.
  return rows.map((row) => ({ ...row, createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt) }));
}

function filterConditions(filters: AuditFilters): Sql[] {
  const conditions: Sql[] = [];
  if (filters.user !== undefined) {
    conditions.push(sql`e."userId" = (SELECT "id" FROM "User" WHERE "email" = ${filters.user.toLowerCase()} OR "id" = ${filters.user} LIMIT 1)`);
  }
  if (filters.actor !== undefined) {
    conditions.push(sql`(e."actorId" = (SELECT "id" FROM "User" WHERE "email" = ${filters.actor.toLowerCase()} OR "id" = ${filters.actor} LIMIT 1)
      OR e."applicationId" = (SELECT "id" FROM "ApiApplication" WHERE "clientId" = ${filters.actor} OR "id" = ${filters.actor} LIMIT 1))`);
  }
  if (filters.action !== undefined) conditions.push(sql`e."action" = ${filters.action}`);
  if (filters.from !== undefined) conditions.push(sql`e."createdAt" >= ${dayStart(filters.from)!}`);
  if (filters.to !== undefined) {
    // Inclusive: every moment of the last day, up to the next midnight.
    const end = new Date(dayStart(filters.to)!.getTime() + 86_400_000);
    conditions.push(sql`e."createdAt" < ${end}`);
  }
  return conditions;
}

export type AuditPage = {
  events: AuditRow[];
  /** The cursor of the page of older events, or null on the last page. */
  older: string | null;
  /** The cursor of the page of newer events, or null on the first page. */
  newer: string | null;
};

/**
 * One page of the admin audit log. `cursor` is what a previous page handed out (older or newer), or
 * nothing for the newest events; a cursor that was not made here is refused as VALIDATION.
 */
export async function searchAuditEvents(options: { filters: AuditFilters; cursor?: string; take?: number }): Promise<AuditPage> {
  const take = Math.min(options.take ?? AUDIT_PAGE_SIZE, MAX_PAGE_SIZE);
  const cursor = options.cursor === undefined ? undefined : decodeAuditCursor(options.cursor);
  // One row more than shown says whether there is a page beyond this one.
  const rows = await readAuditPage({ filters: options.filters, after: cursor, direction: cursor?.direction ?? "older", take: take + 1 });
  const more = rows.length > take;
  const shown = rows.slice(0, take);
  if (cursor?.direction === "newer") {
    // Read oldest first from the cursor; shown newest first like every page.
    shown.reverse();
    return {
      events: shown,
      newer: more ? encodeAuditCursor("newer", shown[0]!) : null,
      older: shown.length > 0 ? encodeAuditCursor("older", shown[shown.length - 1]!) : encodeAuditCursor("older", cursor),
    };
  }
  return {
    events: shown,
    older: more ? encodeAuditCursor("older", shown[shown.length - 1]!) : null,
    // A page reached from a newer one has newer events: the ones before its first row.
    newer: cursor && shown.length > 0 ? encodeAuditCursor("newer", shown[0]!) : cursor ? encodeAuditCursor("newer", cursor) : null,
  };
}

// The cursor: "o" or "n" (older, newer), the row's createdAt in ms and its id, base64url. Opaque to the
// browser, but not a secret: a hand-made one can only move the page, and the filters still apply.
const CURSOR = /^([on])\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeAuditCursor(direction: Direction, position: AuditPosition): string {
  return Buffer.from(`${direction === "older" ? "o" : "n"}.${position.createdAt.getTime()}.${position.id}`).toString("base64url");
}

export function decodeAuditCursor(cursor: string): AuditPosition & { direction: Direction } {
  const invalid = () => new AppError("VALIDATION", text("admin.audit.invalidCursor"));
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw invalid();
  const createdAt = new Date(Number(match[2]));
  if (Number.isNaN(createdAt.getTime())) throw invalid();
  return { direction: match[1] === "o" ? "older" : "newer", createdAt, id: match[3]! };
}
