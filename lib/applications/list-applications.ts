/**
 * Applications, newest first, for `npm run app:list` (every one) and the admin console (a page at a
 * time): what an operator needs to find the one to rotate or revoke. Never the key, which is not
 * stored. No "server-only": the script runs outside Next.
 */
import type { Db } from "@/lib/db";

export async function listApplications(options: { db: Db; skip?: number; take?: number }) {
  return options.db.apiApplication.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { clientId: true, name: true, rateLimitPerMinute: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    ...(options.skip !== undefined ? { skip: options.skip } : {}),
    ...(options.take !== undefined ? { take: options.take } : {}),
  });
}

export type ListedApplication = Awaited<ReturnType<typeof listApplications>>[number];
