import "server-only";
import { db, type Tx } from "@/lib/db";
import { changeDevice, type DeviceChangeOptions } from "@/lib/devices/change-device";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { wakePhoneAfterResponse } from "@/lib/push/wake-phone";
import { forgetRememberedBrowsers } from "@/lib/device-keys/manage-device-keys";

/**
 * Removes a device. When it was the last active one, MFA is turned off in the same transaction:
 * an account cannot require a second factor it has no device for. The page warns before this.
 * A removed phone's key is worthless from this moment (its row is gone); if its app subscribed to
 * pushes, it is told, so it shows the account unpaired without waiting to be opened.
 */
export async function removeDevice(options: DeviceChangeOptions): Promise<{ mfaTurnedOff: boolean }> {
  const { mfaTurnedOff, pushSubscription } = await changeDevice({ ...options, action: "device.removed" }, async (tx, device) => {
    const { pushSubscription } = await tx.device.delete({ where: { id: device.id }, select: { pushSubscription: true } });
    const outcome = await turnOffWhenLast(tx, options);
    return { ...outcome, pushSubscription: device.type === "MOBILE" ? pushSubscription : null };
  });
  if (pushSubscription) {
    await wakePhoneAfterResponse({ userId: options.userId, deviceId: options.deviceId, storedSubscription: pushSubscription, payload: { kind: "unpaired" } });
  }
  return { mfaTurnedOff };
}

/** MFA off when no active device is left, in the removal's transaction. */
async function turnOffWhenLast(tx: Tx, options: DeviceChangeOptions): Promise<{ mfaTurnedOff: boolean }> {
  const remaining = await tx.device.count({ where: { userId: options.userId, status: "ACTIVE" } });
  if (remaining > 0) return { mfaTurnedOff: false };
  const { count } = await tx.user.updateMany({ where: { id: options.userId, mfaEnabled: true }, data: { mfaEnabled: false } });
  if (count > 0) {
    await recordAuditEvent(tx, {
      action: "mfa.disabled",
      userId: options.userId,
      actorId: options.actorId,
      details: { reason: "last active device removed" },
      meta: options.meta,
    });
  }
  return { mfaTurnedOff: count > 0 };
}

/** Whether removing this device leaves the user without an active device (the page warns first). */
export async function isLastActiveDevice(options: { userId: string; deviceId: string }) {
  const others = await db.device.count({
    where: { userId: options.userId, status: "ACTIVE", NOT: { id: options.deviceId } },
  });
  return others === 0;
}
