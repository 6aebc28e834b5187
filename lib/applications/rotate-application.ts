/**
 * Gives an application a new key in place of its current one: the old key's very next request is
 * refused (401) on every instance, since each request looks the key up by its hash and the row now
 * holds only the new one. The client id stays, so the application's users and audit rows stay its own.
 *
 * A revoked application is not brought back by a rotation: revocation is final (make a new
 * application instead). Takes the database client as an argument and has no "server-only", like
 * create-application.ts, so the end-to-end tests and a script can run it outside Next.
 */
import type { Db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { generateApplicationSecret, hashApplicationSecret } from "@/lib/applications/application-secret";

export type RotateResult =
  | { status: "rotated"; name: string; clientId: string; secret: string }
  | { status: "revoked"; name: string }
  /** Someone else rotated or revoked it between our read and our write: nothing was changed. */
  | { status: "changed-meanwhile"; name: string }
  | { status: "not-found" };

export async function rotateApplication(options: { db: Db; clientId: string; actorId?: string; meta?: RequestMeta }): Promise<RotateResult> {
  const secret = generateApplicationSecret();
  return options.db.$transaction(async (tx) => {
    const application = await tx.apiApplication.findUnique({
      where: { clientId: options.clientId },
      select: { id: true, name: true, clientId: true, secretHash: true, revokedAt: true },
    });
    if (!application) return { status: "not-found" as const };
    if (application.revokedAt) return { status: "revoked" as const, name: application.name };
    // Conditional on the key we read, so of two rotations at once one wins and the other says so,
    // instead of both showing a key of which only the last one written works.
    const { count } = await tx.apiApplication.updateMany({
      where: { id: application.id, secretHash: application.secretHash, revokedAt: null },
      data: { secretHash: hashApplicationSecret(secret) },
    });
    if (count === 0) return { status: "changed-meanwhile" as const, name: application.name };
    await recordAuditEvent(tx, {
      action: "application.rotated",
      userId: null,
      actorId: options.actorId,
      applicationId: application.id,
      details: { clientId: application.clientId, name: application.name },
      meta: options.meta,
    });
    return { status: "rotated" as const, name: application.name, clientId: application.clientId, secret };
  });
}
