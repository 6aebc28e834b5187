import "server-only";
import { db } from "@/lib/db";
import { changeDevice, type DeviceChangeOptions } from "@/lib/devices/change-device";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Removes a device. When it was the last active one, MFA is turned off in the same transaction:
 * an account cannot require a second factor it has no device for. The page warns before this.
 */
export async function removeDevice(options: DeviceChangeOptions): Promise<{ mfaTurnedOff: boolean }> {
  return changeDevice({ ...options, action: "device.removed" }, async (tx, device) => {
    await tx.device.delete({ where: { id: device.id } });
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
  });
}

/** Whether removing this device leaves the user without an active device (the page warns first). */
export async function isLastActiveDevice(options: { userId: string; deviceId: string }) {
  const others = await db.device.count({
    where: { userId: options.userId, status: "ACTIVE", NOT: { id: options.deviceId } },
  });
  return others === 0;
}
