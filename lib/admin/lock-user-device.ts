import "server-only";
import { z } from "zod";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput } from "@/lib/admin/admin-input";
import { requestMeta } from "@/lib/auth/request-meta";
import { changeDevice } from "@/lib/devices/change-device";
import { deviceIdSchema } from "@/lib/validations/devices";
import { lockUntilSchema, userIdSchema } from "@/lib/validations/admin-users";

/**
 * Locks one device of a user until a date and time (ADMIN only, "users.manage"): it stays on the account
 * but every door refuses it until then, saying until when (the device-authentication flow, and a passkey
 * sign-in). At most a year ahead; for longer, block or remove it. Unlocking clears it early.
 */
export async function lockUserDevice(input: { userId: unknown; deviceId: unknown; until: unknown }): Promise<{ until: Date }> {
  const staff = await requireStaff("users.manage", { fresh: true });
  const { userId, deviceId, until } = parseAdminInput(z.object({ userId: userIdSchema, deviceId: deviceIdSchema, until: lockUntilSchema() }), input);
  await changeDevice(
    { userId, deviceId, meta: await requestMeta(), actorId: staff.user.id, action: "device.locked_by_admin", details: { until: until.toISOString() } },
    (tx, device) => tx.device.update({ where: { id: device.id }, data: { lockedUntil: until }, select: { id: true } }),
  );
  return { until };
}
