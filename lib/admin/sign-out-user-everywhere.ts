import "server-only";
import { endUserSessions } from "@/lib/auth/sessions";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userInput } from "@/lib/admin/admin-input";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/app-error";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

/**
 * Ends every session of a user (ADMIN only, "users.manage"): each is revoked in one statement, so the
 * next request of any browser of theirs, on any instance, finds no live session (findLiveSession reads
 * the row every time). Sign-ins still waiting for their second factor end too. Audited with the count;
 * the user is emailed, so an unexpected sign-out has an explanation.
 */
export async function signOutUserEverywhere(input: { userId: unknown }): Promise<{ sessionsEnded: number }> {
  const staff = await requireStaff("users.manage", { fresh: true });
  const { userId } = parseAdminInput(userInput, input);
  const meta = await requestMeta();
  const now = new Date();
  const { email, count } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw notFound("User");
    const count = await endUserSessions(tx, { userId, now });
    await recordAuditEvent(tx, { action: "user.signed_out_everywhere", userId, actorId: staff.user.id, details: { sessionsEnded: count }, meta });
    return { email: user.email, count };
  });
  if (count > 0) await notifyAccountChange({ email, action: "user.signed_out_everywhere" });
  return { sessionsEnded: count };
}
