import "server-only";
import { db } from "@/lib/db";
import { maskTarget } from "@/lib/devices/mask-target";
import { deviceTypeLabel, type DeviceStatusName, type DeviceTypeName } from "@/lib/devices/device-types";

export type DeviceSummary = {
  id: string;
  type: DeviceTypeName;
  typeLabel: string;
  nickname: string;
  maskedTarget: string | null;
  status: DeviceStatusName;
  isDefault: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  lockedUntil: Date | null;
};

/** What a page may show of a device: never the whole phone number, email, secret or key. */
export function summarizeDevice(device: {
  id: string;
  type: DeviceTypeName;
  nickname: string;
  target: string | null;
  status: DeviceStatusName;
  isDefault: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  lockedUntil: Date | null;
}): DeviceSummary {
  return {
    id: device.id,
    type: device.type,
    typeLabel: deviceTypeLabel[device.type],
    nickname: device.nickname,
    maskedTarget: maskTarget(device.type, device.target),
    status: device.status,
    isDefault: device.isDefault,
    createdAt: device.createdAt,
    lastUsedAt: device.lastUsedAt,
    lockedUntil: device.lockedUntil && device.lockedUntil > new Date() ? device.lockedUntil : null,
  };
}

/**
 * The user's devices, default first, then oldest first. Pending registrations are not listed. Only the
 * columns a summary shows are read: never a secret or a key, and less for every page view to carry.
 */
export async function listDevices(options: { userId: string }): Promise<DeviceSummary[]> {
  const devices = await db.device.findMany({
    where: { userId: options.userId, status: { in: ["ACTIVE", "BLOCKED"] } },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, nickname: true, target: true, status: true, isDefault: true, createdAt: true, lastUsedAt: true, lockedUntil: true },
  });
  return devices.map(summarizeDevice);
}

/** How many of the user's devices can be used now (the account page's summary): a count, not the rows. */
export async function countActiveDevices(options: { userId: string }): Promise<number> {
  return db.device.count({ where: { userId: options.userId, status: "ACTIVE" } });
}
