/**
 * Creates an application that may call the flow API, and hands back its key: the only time the key
 * exists outside the caller's hands, since the database keeps only its hash.
 *
 * Takes the database client as an argument and has no "server-only": `npm run app:create`
 * (scripts/applications.ts) and the end-to-end tests run this very code outside Next, each with its
 * own client; the app would pass lib/db.ts's.
 */
import type { Db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { generateApplicationSecret, generateClientId, hashApplicationSecret } from "@/lib/applications/application-secret";

export const MAX_APPLICATION_NAME_LENGTH = 80;
/** The highest per-application limit app:create accepts; the same bound as API_RATE_LIMIT_PER_MINUTE. */
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

export type CreatedApplication = {
  id: string;
  name: string;
  clientId: string;
  /** The key, in full. Show it once; it cannot be read back. */
  secret: string;
  rateLimitPerMinute: number | null;
  createdAt: Date;
};

// Control characters would let a name break lines in the audit log and the terminal.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `actorId` and `meta` name the administrator who made it in the console (lib/applications/
 * staff-applications.ts); the script, run by whoever reaches the database, names nobody.
 */
export async function createApplication(options: {
  db: Db;
  name: string;
  rateLimitPerMinute?: number | null;
  actorId?: string;
  meta?: RequestMeta;
}): Promise<CreatedApplication> {
  const name = options.name.trim();
  if (name.length === 0 || name.length > MAX_APPLICATION_NAME_LENGTH || CONTROL_CHARS.test(name)) {
    throw new RangeError(`The name must be 1 to ${MAX_APPLICATION_NAME_LENGTH} printable characters.`);
  }
  const limit = options.rateLimitPerMinute ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_RATE_LIMIT_PER_MINUTE)) {
    throw new RangeError(`The rate limit must be a whole number of requests per minute from 1 to ${MAX_RATE_LIMIT_PER_MINUTE}.`);
  }
  const secret = generateApplicationSecret();
  const application = await options.db.$transaction(async (tx) => {
    const created = await tx.apiApplication.create({
      data: { name, clientId: generateClientId(), secretHash: hashApplicationSecret(secret), rateLimitPerMinute: limit },
    });
    await recordAuditEvent(tx, {
      action: "application.created",
      userId: null,
      actorId: options.actorId,
      applicationId: created.id,
      details: { clientId: created.clientId, name, rateLimitPerMinute: limit },
      meta: options.meta,
    });
    return created;
  });
  return {
    id: application.id,
    name: application.name,
    clientId: application.clientId,
    secret,
    rateLimitPerMinute: application.rateLimitPerMinute,
    createdAt: application.createdAt,
  };
}
