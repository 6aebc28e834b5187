/**
 * Revokes an application's key: its very next request is refused (401), on every instance, since
 * each request reads the application's row. The row stays, so the audit log keeps naming it.
 *
 * Takes the database client as an argument and has no "server-only": `npm run app:revoke`
 * (scripts/applications.ts) and the end-to-end tests run it outside Next.
 */
import type { Db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

export type RevokeResult =
  | { status: "revoked"; name: string; revokedAt: Date }
  | { status: "already-revoked"; name: string; revokedAt: Date }
  | { status: "not-found" };

/** `actorId` and `meta`: the administrator, when revoked in the console; the script names nobody. */
export async function revokeApplication(options: { db: Db; clientId: string; now?: Date; actorId?: string; meta?: RequestMeta }): Promise<RevokeResult> {
  const now = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    // Conditional, so two operators revoking at once write one audit row between them.
    const { count } = await tx.apiApplication.updateMany({ where: { clientId: options.clientId, revokedAt: null }, data: { revokedAt: now } });
    const application = await tx.apiApplication.findUnique({ where: { clientId: options.clientId } });
    if (!application) return { status: "not-found" as const };
    if (count === 0) return { status: "already-revoked" as const, name: application.name, revokedAt: application.revokedAt ?? now };
    await recordAuditEvent(tx, {
      action: "application.revoked",
      userId: null,
      actorId: options.actorId,
      applicationId: application.id,
      details: { clientId: application.clientId, name: application.name },
      meta: options.meta,
    });
    return { status: "revoked" as const, name: application.name, revokedAt: now };
  });
}
