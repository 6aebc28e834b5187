import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";
import { forgetRememberedBrowsers } from "@/lib/device-keys/manage-device-keys";

/**
 * Turns MFA on or off for the account. Turning it on without an active device is allowed, as in the
 * source's Enable MFA section: the user adds one next, and until then sign-in falls back to a magic link.
 */
export async function setMfaEnabled(options: { userId: string; enabled: boolean; meta: RequestMeta; actorId?: string }) {
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: options.userId, mfaEnabled: !options.enabled },
      data: { mfaEnabled: options.enabled },
    });
    if (count === 0) return null;
    await recordAuditEvent(tx, {
      action: options.enabled ? "mfa.enabled" : "mfa.disabled",
      userId: options.userId,
      actorId: options.actorId,
      meta: options.meta,
    });
    // A browser remembered while the account had a second factor skipped it; with it off there is
    // nothing left to skip, and turning it on again must not start from a remembered browser.
    if (!options.enabled) await forgetRememberedBrowsers(tx, { userId: options.userId, reason: "two-step verification turned off", meta: options.meta });
    return tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
  });
  if (changed) await notifyAccountChange({ email: changed.email, action: options.enabled ? "mfa.enabled" : "mfa.disabled" });
}
