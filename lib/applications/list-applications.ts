/**
 * Every application, newest first, for `npm run app:list`: what an operator needs to find the one to
 * revoke. Never the key, which is not stored. No "server-only": the script runs outside Next.
 */
import type { Db } from "@/lib/db";

export async function listApplications(options: { db: Db }) {
  return options.db.apiApplication.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { clientId: true, name: true, rateLimitPerMinute: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
