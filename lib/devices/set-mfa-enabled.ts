import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";
import { forgetRememberedBrowsers } from "@/lib/device-keys/manage-device-keys";

/**
 * Turns MFA on or off for the account. It is "on" only with a device that works: turning it on
 * without an active device is refused (the Enable MFA section adds the first device instead, and its
 * activation turns MFA on, lib/devices/activate-device.ts).
 */
export async function setMfaEnabled(options: { userId: string; enabled: boolean; meta: RequestMeta; actorId?: string }) {
  const changed = await db.$transaction(async (tx) => {
    if (options.enabled && (await tx.device.count({ where: { userId: options.userId, status: "ACTIVE" } })) === 0) {
      throw new AppError("CONFLICT", text("devices.errors.addFirst"));
    }
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
