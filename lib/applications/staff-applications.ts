import "server-only";
import { db } from "@/lib/db";
import { requireStaff, type Staff } from "@/lib/admin/admin-access";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { createApplication, type CreatedApplication } from "@/lib/applications/create-application";
import { listApplications } from "@/lib/applications/list-applications";
import { revokeApplication } from "@/lib/applications/revoke-application";
import { rotateApplication } from "@/lib/applications/rotate-application";

/**
 * The admin console's doors to the applications' use-cases (create-, rotate-, revoke-application.ts,
 * which `npm run app:*` also runs): each checks the staff member's capability itself, since a server
 * action is a public endpoint, needs a fresh authentication for a change (security.md item 8), and
 * names the administrator as the audit row's actor.
 */

export const APPLICATIONS_PER_PAGE = 25;

/**
 * One page of applications (1-based) and how many pages there are, for the console's page, which has
 * checked its visitor with requireStaffPage("applications.manage") (hence the Staff argument).
 */
export async function listApplicationsForStaff(_staff: Staff, options: { page: number }) {
  const [total, applications] = await Promise.all([
    db.apiApplication.count(),
    listApplications({ db, skip: (options.page - 1) * APPLICATIONS_PER_PAGE, take: APPLICATIONS_PER_PAGE }),
  ]);
  return { applications, pages: Math.max(1, Math.ceil(total / APPLICATIONS_PER_PAGE)) };
}

export async function createApplicationAsStaff(options: { name: string; rateLimitPerMinute: number | null; meta: RequestMeta }): Promise<CreatedApplication> {
  const staff = await requireStaff("applications.manage", { fresh: true });
  return createApplication({ db, name: options.name, rateLimitPerMinute: options.rateLimitPerMinute, actorId: staff.user.id, meta: options.meta });
}

/** The new key, shown once; the old one is refused from the next request on. */
export async function rotateApplicationAsStaff(options: { clientId: string; meta: RequestMeta }): Promise<{ name: string; clientId: string; secret: string }> {
  const staff = await requireStaff("applications.manage", { fresh: true });
  const result = await rotateApplication({ db, clientId: options.clientId, actorId: staff.user.id, meta: options.meta });
  switch (result.status) {
    case "rotated":
      return result;
    case "not-found":
      throw new AppError("NOT_FOUND", text("admin.applications.errors.notFound"));
    case "revoked":
      throw new AppError("CONFLICT", text("admin.applications.errors.revoked", { name: result.name }));
    case "changed-meanwhile":
      throw new AppError("CONFLICT", text("admin.applications.errors.changedMeanwhile", { name: result.name }));
  }
}

export async function revokeApplicationAsStaff(options: { clientId: string; meta: RequestMeta }): Promise<{ name: string; alreadyRevoked: boolean }> {
  const staff = await requireStaff("applications.manage", { fresh: true });
  const result = await revokeApplication({ db, clientId: options.clientId, actorId: staff.user.id, meta: options.meta });
  if (result.status === "not-found") throw new AppError("NOT_FOUND", text("admin.applications.errors.notFound"));
  return { name: result.name, alreadyRevoked: result.status === "already-revoked" };
}
