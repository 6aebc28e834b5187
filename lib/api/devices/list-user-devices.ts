import "server-only";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import { listDevices, type DeviceSummary } from "@/lib/devices/list-devices";

/**
 * GET /api/v1/users/{id}/devices: the devices the portal lists for the user (active and blocked,
 * default first; pending registrations are not devices yet), for a user this application provisioned.
 */
export async function listUserDevices(options: { application: AuthenticatedApplication; userId: string }): Promise<DeviceSummary[]> {
  await getUser({ application: options.application, userId: options.userId });
  return listDevices({ userId: options.userId });
}
