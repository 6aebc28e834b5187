import "server-only";
import { db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/problem";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { apiUserSelect, toApiUser, type ApiUser } from "@/lib/api/users/user-resource";

/**
 * GET /api/v1/users/{id}: a user this application provisioned. The lookup is by application and user
 * together, so another application's user and an id that exists nowhere are the same "not found"
 * (security.md item 11).
 */
export async function getUser(options: { application: AuthenticatedApplication; userId: string }): Promise<ApiUser> {
  const row = await db.apiApplicationUser.findUnique({
    where: { applicationId_userId: { applicationId: options.application.id, userId: options.userId } },
    select: apiUserSelect,
  });
  if (!row) throw userNotFound();
  return toApiUser(row);
}

export const userNotFound = () => new ApiProblem("NOT_FOUND", "User not found.");
