import "server-only";
import { requireStaff } from "@/lib/admin/admin-access";
import { parseAdminInput, userDeviceInput } from "@/lib/admin/admin-input";
import { requestMeta } from "@/lib/auth/request-meta";
import { removeDevice } from "@/lib/devices/remove-device";

/**
 * Removes one device of a user (HELPDESK may), through the portal's own removal: the default passes to
 * the oldest active device left, MFA turns off with the last one, a paired phone is told, the user is
 * emailed. Returns whether MFA turned off, for the page to say so.
 */
export async function removeUserDevice(input: { userId: unknown; deviceId: unknown }): Promise<{ mfaTurnedOff: boolean }> {
  const staff = await requireStaff("devices.manage", { fresh: true });
  const { userId, deviceId } = parseAdminInput(userDeviceInput, input);
  return removeDevice({ userId, deviceId, meta: await requestMeta(), actorId: staff.user.id });
}
