import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SortDirection, UserSearch, UserSort } from "@/lib/validations/admin-users";

const { sql, empty, raw } = Prisma;
type Sql = Prisma.Sql;

export const USER_PAGE_SIZE = 25;

/** One row of the admin user list: never a password hash, a phone number or anything of a device but its count. */
export type UserListRow = {
  id: string;
  email: string;
  name: string | null;
  username: string | null;
  role: "USER" | "ADMIN" | "HELPDESK";
  mfaEnabled: boolean;
  /** Devices that can be used to sign in now (ACTIVE): not the blocked ones, not unfinished registrations. */
  activeDevices: number;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export type UserPage = { rows: UserListRow[]; nextCursor: string | null };

/**
 * Each sort is a column with an index of (column, id) (prisma/schema.prisma), so a page walks the index
 * and stops after a page of matches. Email is unique and never null, so it needs no tie-breaker.
 */
const COLUMNS: Record<UserSort, { column: string; nullable: boolean; date: boolean; unique: boolean }> = {
  email: { column: `u."email"`, nullable: false, date: false, unique: true },
  name: { column: `u."name"`, nullable: true, date: false, unique: false },
  created: { column: `u."createdAt"`, nullable: false, date: true, unique: false },
  lastSignIn: { column: `u."lastSignInAt"`, nullable: true, date: true, unique: false },
};

// The position after the last row of a page: the sort it belongs to, that row's sort value and id.
// Opaque to the browser (base64url JSON); whatever comes back is checked, so an edited one is refused
// with a message, never a 500, and at worst starts the list at another place the person could reach anyway.
const cursorSchema = z.object({
  s: z.enum(["email", "name", "created", "lastSignIn"]),
  d: z.enum(["asc", "desc"]),
  k: z.string().max(300).nullable(),
  i: z.string().min(1).max(64),
});
type Cursor = z.infer<typeof cursorSchema>;

const INVALID_CURSOR = () => new AppError("VALIDATION", text("admin.users.invalidCursor"), { cursor: ["Not a page of this list."] });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeCursor(value: string, sort: UserSort, dir: SortDirection): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw INVALID_CURSOR();
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success || cursor.data.s !== sort || cursor.data.d !== dir) throw INVALID_CURSOR();
  const { date, nullable } = COLUMNS[sort];
  if (cursor.data.k === null && !nullable) throw INVALID_CURSOR();
  if (date && cursor.data.k !== null && Number.isNaN(new Date(cursor.data.k).getTime())) throw INVALID_CURSOR();
  return cursor.data;
}

/** `%term%` for LIKE with `!` as the escape character, so a searched % or _ matches itself. */
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** "+1 (555) 010-2345" → "+15550102345": how phone numbers are stored (E.164), so a typed one matches. */
function compactPhone(term: string): string | null {
  if (!/^\+?[\d\s().-]{3,}$/.test(term)) return null;
  return term.replace(/[\s().-]/g, "");
}

function matching(term: string): Sql {
  if (term === "") return empty;
  const pattern = containsPattern(term);
  const phone = compactPhone(term);
  const phonePattern = phone ? containsPattern(phone) : pattern;
  // LOWER() on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so neither is
  // trusted to. A phone is the account's own (User.phone) or the number of one of its SMS or voice devices.
  return sql`AND (
    LOWER(u."email") LIKE ${pattern} ESCAPE '!'
    OR LOWER(u."name") LIKE ${pattern} ESCAPE '!'
    OR LOWER(u."username") LIKE ${pattern} ESCAPE '!'
    OR u."phone" LIKE ${phonePattern} ESCAPE '!'
    OR EXISTS (SELECT 1 FROM "Device" pd WHERE pd."userId" = u."id" AND pd."type" IN ('SMS', 'VOICE') AND pd."target" LIKE ${phonePattern} ESCAPE '!')
  )`;
}

/**
 * Rows after the cursor in (column, id) order. Null sort values (no name, never signed in) count as the
 * smallest, on both databases: first when ascending, last when descending.
 */
function after(cursor: Cursor | undefined, sort: UserSort, dir: SortDirection): Sql {
  if (!cursor) return empty;
  const { column, date, unique } = COLUMNS[sort];
  const col = raw(column);
  const key = cursor.k === null ? null : date ? new Date(cursor.k) : cursor.k;
  const beyond = dir === "asc" ? raw(">") : raw("<");
  if (unique) return sql`AND ${col} ${beyond} ${key}`;
  if (key === null) {
    // Ascending, the nulls come first: the rest of them, then every non-null. Descending, they come last.
    return dir === "asc" ? sql`AND ((${col} IS NULL AND u."id" > ${cursor.i}) OR ${col} IS NOT NULL)` : sql`AND ${col} IS NULL AND u."id" < ${cursor.i}`;
  }
  const tieOrBeyond = sql`(${col} ${beyond} ${key} OR (${col} = ${key} AND u."id" ${beyond} ${cursor.i}))`;
  return dir === "asc" ? sql`AND ${tieOrBeyond}` : sql`AND (${tieOrBeyond} OR ${col} IS NULL)`;
}

function orderBy(sort: UserSort, dir: SortDirection): Sql {
  const { column, nullable, unique } = COLUMNS[sort];
  const d = dir === "asc" ? "ASC" : "DESC";
  // SQLite puts nulls first when ascending already; PostgreSQL must be told, and both accept the words.
  const nulls = nullable ? (dir === "asc" ? " NULLS FIRST" : " NULLS LAST") : "";
  return raw(unique ? `${column} ${d}` : `${column} ${d}${nulls}, u."id" ${d}`);
}

type RawRow = Omit<UserListRow, "mfaEnabled" | "activeDevices"> & { mfaEnabled: boolean | number; activeDevices: number | bigint };

/**
 * One page of the admin user list: a partial, case-insensitive match on email, name, username or phone,
 * in the chosen order, after the cursor. One statement per page, which also counts each user's active
 * devices (the Device(userId) index) beside MFA on/off and the last sign-in.
 */
export async function searchUsers(query: UserSearch, pageSize = USER_PAGE_SIZE): Promise<UserPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : undefined;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT u."id", u."email", u."name", u."username", u."role", u."mfaEnabled", u."createdAt", u."lastSignInAt",
           (SELECT COUNT(*) FROM "Device" d WHERE d."userId" = u."id" AND d."status" = 'ACTIVE') AS "activeDevices"
    FROM "User" u
    WHERE 1 = 1 ${matching(query.q)} ${after(cursor, query.sort, query.dir)}
    ORDER BY ${orderBy(query.sort, query.dir)}
    LIMIT ${pageSize + 1}`;
  const page = rows.slice(0, pageSize).map((row) => ({ ...row, mfaEnabled: Boolean(row.mfaEnabled), activeDevices: Number(row.activeDevices) }));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor({ s: query.sort, d: query.dir, k: sortValue(last, query.sort), i: last.id })
      : null;
  return { rows: page, nextCursor };
}

function sortValue(row: UserListRow, sort: UserSort): string | null {
  switch (sort) {
    case "email":
      return row.email;
    case "name":
      return row.name;
    case "created":
      return row.createdAt.toISOString();
    case "lastSignIn":
      return row.lastSignInAt?.toISOString() ?? null;
  }
}
