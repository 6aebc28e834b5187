import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { summarizeDevice } from "@/lib/devices/list-devices";

/**
 * A device of this user, or "not found": a foreign id and an unknown id answer the same, so ids of
 * other users' devices cannot be probed (security.md item 11). Ownership is part of the query.
 */
export async function getOwnDevice(options: { userId: string; deviceId: string }, client: Tx | typeof db = db) {
  const device = await client.device.findFirst({
    where: { id: options.deviceId, userId: options.userId, status: { in: ["ACTIVE", "BLOCKED"] } },
  });
  if (!device) throw new AppError("NOT_FOUND", text("devices.errors.notFound"));
  return device;
}

export async function getOwnDeviceSummary(options: { userId: string; deviceId: string }) {
  return summarizeDevice(await getOwnDevice(options));
}
