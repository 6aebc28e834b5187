import "server-only";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userDeviceInput } from "@/lib/admin/admin-input";
import { requestMeta } from "@/lib/auth/request-meta";
import { unblockDevice } from "@/lib/devices/block-device";
import { getOwnDevice } from "@/lib/devices/get-own-device";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";

/** Unblocks one device of a user (HELPDESK may), through the portal's own unblock. */
export async function unblockUserDevice(input: { userId: unknown; deviceId: unknown }) {
  const staff = await requireStaff("devices.manage", { fresh: true });
  const { userId, deviceId } = parseAdminInput(userDeviceInput, input);
  const device = await getOwnDevice({ userId, deviceId });
  if (device.status !== "BLOCKED") throw new AppError("CONFLICT", text("admin.errors.notBlocked"));
  await unblockDevice({ userId, deviceId, meta: await requestMeta(), actorId: staff.user.id });
}
