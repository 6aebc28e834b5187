import "server-only";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userInput } from "@/lib/admin/admin-input";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestMeta } from "@/lib/auth/request-meta";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { forgetRememberedBrowsers } from "@/lib/device-keys/manage-device-keys";
import { AppError, notFound } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";
import { wakePhoneAfterResponse } from "@/lib/push/wake-phone";

/**
 * Resets a user's two-step verification (ADMIN only, "users.manage"), for someone who lost every device:
 * all their devices are removed (pending registrations too), MFA is off, remembered browsers ask again
 * once it is back on, all in one transaction with its audit row; then the user is emailed (at the
 * account's address, which this does not change) and paired phones are told they are unpaired. They
 * sign in with their password next and can add devices again.
 */
export async function resetUserMfa(input: { userId: unknown }): Promise<{ devicesRemoved: number }> {
  const staff = await requireStaff("users.manage", { fresh: true });
  const { userId } = parseAdminInput(userInput, input);
  const meta = await requestMeta();
  const { email, devices } = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${userId}`);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, mfaEnabled: true } });
    if (!user) throw notFound("User");
    const devices = await tx.device.findMany({ where: { userId }, select: { id: true, type: true, nickname: true, pushSubscription: true } });
    if (devices.length === 0 && !user.mfaEnabled) throw new AppError("CONFLICT", text("admin.errors.mfaAlreadyOff"));
    await tx.device.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { mfaEnabled: false, failedMfaAttempts: 0 }, select: { id: true } });
    await recordAuditEvent(tx, {
      action: "mfa.reset",
      userId,
      actorId: staff.user.id,
      details: { devicesRemoved: devices.length, devices: devices.map((d) => ({ type: d.type, nickname: d.nickname })), mfaWasEnabled: user.mfaEnabled },
      meta,
    });
    await forgetRememberedBrowsers(tx, { userId, reason: "two-step verification reset by an administrator", meta });
    return { email: user.email, devices };
  });
  await notifyAccountChange({ email, action: "mfa.reset", deviceLabel: text("emails.accountChange.devicesRemoved", { count: devices.length }) });
  for (const d of devices) {
    if (d.type === "MOBILE" && d.pushSubscription) {
      await wakePhoneAfterResponse({ userId, deviceId: d.id, storedSubscription: d.pushSubscription, payload: { kind: "unpaired" } });
    }
  }
  return { devicesRemoved: devices.length };
}
