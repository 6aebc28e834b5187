import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentSession, type SignedIn } from "@/lib/auth/require-user";
import { isRecentlyAuthenticated } from "@/lib/auth/confirm-password";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";

/**
 * Who may do what in the admin console (issue 13). ADMIN has every capability; HELPDESK sees users
 * and blocks, unblocks, unlocks and removes their devices, nothing else. Everyone else, signed in or
 * not, is told the console does not exist: pages answer 404 and actions refuse as NOT_FOUND, so a
 * probe learns nothing (not even that /admin is there).
 */
export type StaffCapability =
  /** Find users and read a user's page: profile, devices, device keys, sessions, recent audit events. */
  | "users.read"
  /** Block, unblock, unlock (clear a lockout) and remove one device of a user. */
  | "devices.manage"
  /** Lock a device until a date, reset MFA, sign a user out everywhere. */
  | "users.manage"
  | "policies.manage"
  | "branding.manage"
  | "applications.manage"
  | "audit.read";

export type StaffRole = "ADMIN" | "HELPDESK";

const HELPDESK: readonly StaffCapability[] = ["users.read", "devices.manage"];

export function roleCan(role: string, capability: StaffCapability): boolean {
  if (role === "ADMIN") return true;
  if (role === "HELPDESK") return HELPDESK.includes(capability);
  return false;
}

export type Staff = SignedIn & { user: SignedIn["user"] & { role: StaffRole } };

/** The signed-in staff member, or null: no session, the second factor still pending, or no staff role. */
async function currentStaff(capability: StaffCapability): Promise<Staff | null> {
  const session = await currentSession();
  if (!session || session.secondFactorPending) return null;
  if (!roleCan(session.user.role, capability)) return null;
  return session as Staff;
}

/**
 * For admin pages: the staff member allowed `capability`, or Next's 404 page. A staff member whose
 * sign-in still waits for its second factor (signed in with `callbackUrl=/admin/...`) is sent to finish
 * it and comes back; anyone else's pending session gets the 404 like everyone else, so it learns nothing.
 */
export async function requireStaffPage(capability: StaffCapability, path = "/admin"): Promise<Staff> {
  const session = await currentSession();
  if (session?.secondFactorPending && roleCan(session.user.role, capability)) {
    redirect(`/sign-in/verify?callbackUrl=${encodeURIComponent(path)}`);
  }
  const staff = await currentStaff(capability);
  if (!staff) notFound();
  return staff;
}

/**
 * For admin server actions and route handlers, which are public endpoints: the staff member allowed
 * `capability`, or NOT_FOUND. Every change passes `{ fresh: true }`: it needs a sign-in or step-up
 * within the step-up window (security.md item 8), else REAUTH_REQUIRED, which the page answers by
 * sending the administrator through /admin/confirm and back.
 */
export async function requireStaff(capability: StaffCapability, options: { fresh?: boolean } = {}): Promise<Staff> {
  const staff = await currentStaff(capability);
  if (!staff) throw new AppError("NOT_FOUND", "Not found.");
  if (options.fresh && !(await isRecentlyAuthenticated({ sessionId: staff.id }))) {
    throw new AppError("REAUTH_REQUIRED", text("admin.errors.reauth"));
  }
  return staff;
}

/** The re-authentication page that brings the administrator back to `returnTo` (a path in /admin). */
export function confirmIdentityPath(returnTo: string) {
  return `/admin/confirm?returnTo=${encodeURIComponent(returnTo)}`;
}
