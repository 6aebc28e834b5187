/**
 * "The database could not answer in time": another process held SQLite's write lock (or a PostgreSQL
 * row lock) past the busy timeout, the database could not be reached, or a transaction could not
 * start or finish in time. Nothing was written (the statement or
 * transaction was rolled back), and the same request a moment later will most likely work, so callers
 * answer "busy, try again" (503, Retry-After) and never a verdict such as "wrong password".
 * No "server-only": the auth error table and the action result, which clients import, use the words.
 */
import { errors } from "@/lib/i18n/messages/en/errors";

/**
 * Prisma's codes for it. P1008: operation timed out (the adapter reports SQLITE_BUSY this way, with
 * the driver's code under `meta.driverAdapterError.cause.originalCode`). P2024: timed out waiting for
 * a connection. P2028: a transaction could not start within maxWait, or outlived its timeout and was
 * rolled back. P2034: write conflict or deadlock, "please retry".
 */
const RETRYABLE_PRISMA_CODES = new Set(["P1008", "P2024", "P2028", "P2034"]);

/**
 * PostgreSQL's SQLSTATEs for the same situations, as the pg adapter passes them on: a row lock held
 * past lock_timeout (55P03), a serialization failure or deadlock (40001, 40P01), a cancelled statement
 * (57014), too many connections (53300), or the server starting up or shutting down (57P01–57P03).
 */
const RETRYABLE_POSTGRESQL_CODES = new Set(["55P03", "40001", "40P01", "57014", "53300", "57P01", "57P02", "57P03"]);

/** The pg adapter's error kinds for a database that cannot be reached or a connection that broke. */
const RETRYABLE_ADAPTER_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "TransactionWriteConflict"]);

/** English, for the route handlers' plain answers and the logs; the pages say errors.busy in the reader's language (lib/actions/action-result.ts). */
export const SERVICE_BUSY_MESSAGE = errors.busy;
export const RETRY_AFTER_SECONDS = 2;

export function isDatabaseUnavailable(error: unknown): boolean {
  // Follows `cause` and Prisma's `meta.driverAdapterError` a few levels, never endlessly.
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const { code, kind, originalCode, meta, cause } = current as Record<string, unknown>;
    if (typeof code === "string" && (RETRYABLE_PRISMA_CODES.has(code) || RETRYABLE_POSTGRESQL_CODES.has(code) || isSqliteBusy(code))) return true;
    if (typeof kind === "string" && RETRYABLE_ADAPTER_KINDS.has(kind)) return true;
    if (typeof originalCode === "string" && isSqliteBusy(originalCode)) return true;
    const adapterError = meta && typeof meta === "object" ? (meta as Record<string, unknown>).driverAdapterError : undefined;
    current = adapterError ?? cause;
  }
  return false;
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT), as better-sqlite3 names them. */
function isSqliteBusy(code: string) {
  return code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_");
}

/** A route handler's answer when the database is unavailable. */
export function serviceBusyResponse(): Response {
  return new Response(`${SERVICE_BUSY_MESSAGE}\n`, {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
