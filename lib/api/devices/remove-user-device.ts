import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import { removeDevice } from "@/lib/devices/remove-device";

/**
 * DELETE /api/v1/users/{id}/devices/{deviceId}: the portal's removal (lib/devices/remove-device.ts),
 * with its audit row (naming the application, through `meta`), its email to the user, the default
 * handed on, and MFA turned off when this was the last active device.
 */
export async function removeUserDevice(options: {
  application: AuthenticatedApplication;
  userId: string;
  deviceId: string;
  meta: RequestMeta;
}): Promise<{ mfaTurnedOff: boolean }> {
  await getUser({ application: options.application, userId: options.userId });
  return removeDevice({ userId: options.userId, deviceId: options.deviceId, meta: options.meta });
}
