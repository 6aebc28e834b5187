import "server-only";
import { db } from "@/lib/db";
import { serializeOn } from "@/lib/database/serialize-on";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { isUniqueViolation } from "@/lib/rate-limit/fixed-window";
import { ApiProblem } from "@/lib/api/problem";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import type { CreateApiUserInput } from "@/lib/validations/api-users";
import { apiUserSelect, toApiUser, userHref, type ApiUser } from "@/lib/api/users/user-resource";

/**
 * POST /api/v1/users: an application provisions a person it will ask us to protect.
 *
 * Whose users are they? The installation's. A person has one account here (one email, one set of
 * devices, the account the portal signs in), whichever of the company's applications brought them;
 * two applications must not split one person's devices between two accounts. Each application
 * reaches only the users it provisioned, through its own ApiApplicationUser row that carries its
 * externalId (unique per application: two applications may use the same ids for different people).
 * Another application's user is "not found", as the flows it starts will be.
 *
 * So an email that already has an account is 409 USER_EXISTS, whoever made it. That tells this
 * application that the address has an account here; applications are the operator's own servers,
 * holding keys only the operator hands out, so that is theirs to know. Attaching an existing account
 * to a second application would need the person's consent (a flow in which they sign in), not an
 * application's word, and is not offered here. When the existing user is this application's own, the
 * problem links to it, so a retried request can find what its first attempt made.
 *
 * The account has no password and an unconfirmed email: the person signs in to the portal with an
 * emailed link, which confirms the address (security.md item 28), or is served through the flows.
 */
export async function createUser(options: { application: AuthenticatedApplication; input: CreateApiUserInput; meta: RequestMeta }): Promise<ApiUser> {
  const { application, input, meta } = options;
  const username = input.username ?? null;
  const externalId = input.externalId ?? null;
  try {
    return await db.$transaction(async (tx) => {
      // Each uniqueness is read, then written: requests racing for one email, username or externalId
      // take turns (on PostgreSQL; SQLite's write transactions always do), so the second one gets its
      // clear 409 below instead of a constraint violation.
      await serializeOn(
        tx,
        `user-email:${input.email}`,
        ...(username ? [`user-username:${username}`] : []),
        ...(externalId ? [`api-external-id:${application.id}:${externalId}`] : []),
      );
      const sameEmail = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, applications: { where: { applicationId: application.id }, select: { id: true } } },
      });
      if (sameEmail) {
        const own = sameEmail.applications.length > 0;
        throw new ApiProblem("USER_EXISTS", "A user with this email address already exists.", {
          errors: [{ field: "email", pointer: "/email", detail: "A user with this email address already exists." }],
          ...(own ? { extensions: { existingUser: userHref(sameEmail.id) } } : {}),
        });
      }
      if (username && (await tx.user.findUnique({ where: { username }, select: { id: true } }))) {
        throw new ApiProblem("USERNAME_TAKEN", "Another user already has this username.", {
          errors: [{ field: "username", pointer: "/username", detail: "Another user already has this username." }],
        });
      }
      if (externalId) {
        const taken = await tx.apiApplicationUser.findUnique({
          where: { applicationId_externalId: { applicationId: application.id, externalId } },
          select: { userId: true },
        });
        if (taken) {
          throw new ApiProblem("EXTERNAL_ID_TAKEN", "This application already has a user with this externalId.", {
            errors: [{ field: "externalId", pointer: "/externalId", detail: "This application already has a user with this externalId." }],
            extensions: { existingUser: userHref(taken.userId) },
          });
        }
      }
      const user = await tx.user.create({
        data: { email: input.email, username, phone: input.phone ?? null, applications: { create: { applicationId: application.id, externalId } } },
        select: apiUserSelect.user.select,
      });
      await recordAuditEvent(tx, {
        action: "user.provisioned",
        userId: user.id,
        applicationId: application.id,
        details: { clientId: application.clientId, application: application.name, externalId },
        meta,
      });
      return toApiUser({ externalId, user });
    });
  } catch (error) {
    // Only if a uniqueness was missed above (a key taken outside the turns, say by a portal sign-up
    // on PostgreSQL at the same instant): still a conflict, not a 500.
    if (isUniqueViolation(error)) throw new ApiProblem("CONFLICT", "A user with this email, username or externalId was created at the same moment. Try again.");
    throw error;
  }
}
