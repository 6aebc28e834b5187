import "server-only";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userDeviceInput } from "@/lib/admin/admin-input";
import { requestMeta } from "@/lib/auth/request-meta";
import { changeDevice } from "@/lib/devices/change-device";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";

/**
 * Clears a device's lockout (HELPDESK may): an administrator's lock until a date, or the one wrong codes
 * set. Its wrong-code count starts again, and so does the account's: with the account's count still at
 * the threshold, the next wrong code would lock every device again at once. A device with nothing to
 * clear is refused, so the log never shows an unlock that changed nothing.
 */
export async function unlockUserDevice(input: { userId: unknown; deviceId: unknown }) {
  const staff = await requireStaff("devices.manage", { fresh: true });
  const { userId, deviceId } = parseAdminInput(userDeviceInput, input);
  const now = new Date();
  await changeDevice({ userId, deviceId, meta: await requestMeta(), actorId: staff.user.id, action: "device.unlocked" }, async (tx, device) => {
    const locked = device.lockedUntil !== null && device.lockedUntil > now;
    if (!locked && device.failedAttempts === 0) throw new AppError("CONFLICT", text("admin.errors.notLocked"));
    await tx.device.update({ where: { id: device.id }, data: { failedAttempts: 0, lockedUntil: null }, select: { id: true } });
    await tx.user.update({ where: { id: userId }, data: { failedMfaAttempts: 0 }, select: { id: true } });
  });
}
