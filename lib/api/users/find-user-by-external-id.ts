import "server-only";
import { db } from "@/lib/db";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { apiUserSelect, toApiUser, type ApiUser } from "@/lib/api/users/user-resource";

/**
 * GET /api/v1/users?externalId=…: this application's user with that externalId, if any. An externalId
 * is the application's own name for a person, so another application's identical externalId is
 * another person and never found here.
 */
export async function findUserByExternalId(options: { application: AuthenticatedApplication; externalId: string }): Promise<ApiUser | null> {
  const row = await db.apiApplicationUser.findUnique({
    where: { applicationId_externalId: { applicationId: options.application.id, externalId: options.externalId } },
    select: apiUserSelect,
  });
  return row ? toApiUser(row) : null;
}
