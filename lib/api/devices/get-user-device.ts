import "server-only";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import { getOwnDeviceSummary } from "@/lib/devices/get-own-device";
import type { DeviceSummary } from "@/lib/devices/list-devices";

/**
 * GET /api/v1/users/{id}/devices/{deviceId}: first the user must be this application's, then the
 * device that user's (ownership in the query, lib/devices/get-own-device.ts). Another application's
 * user, another user's device, a pending device and an id that exists nowhere are all 404.
 */
export async function getUserDevice(options: { application: AuthenticatedApplication; userId: string; deviceId: string }): Promise<DeviceSummary> {
  await getUser({ application: options.application, userId: options.userId });
  return getOwnDeviceSummary({ userId: options.userId, deviceId: options.deviceId });
}
