import "server-only";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userDeviceInput } from "@/lib/admin/admin-input";
import { requestMeta } from "@/lib/auth/request-meta";
import { blockDevice } from "@/lib/devices/block-device";
import { getOwnDevice } from "@/lib/devices/get-own-device";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";

/**
 * Blocks one device of a user (HELPDESK may): the portal's own block, so the default rule, the audit row
 * (with the staff member as actor) and the user's email are the same; it fails on its next use.
 */
export async function blockUserDevice(input: { userId: unknown; deviceId: unknown }) {
  const staff = await requireStaff("devices.manage", { fresh: true });
  const { userId, deviceId } = parseAdminInput(userDeviceInput, input);
  // The device is looked up by its id AND the user in the URL: another user's device is not found.
  const device = await getOwnDevice({ userId, deviceId });
  if (device.status === "BLOCKED") throw new AppError("CONFLICT", text("admin.errors.alreadyBlocked"));
  await blockDevice({ userId, deviceId, meta: await requestMeta(), actorId: staff.user.id, reason: "administrator" });
}
