import "server-only";
import { db } from "@/lib/db";

/** The user's own recent security activity, newest first. */
export async function listAuditEvents(options: { userId: string; take?: number }) {
  return db.auditEvent.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 10,
    select: { id: true, action: true, createdAt: true, ip: true },
  });
}
