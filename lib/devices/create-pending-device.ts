import "server-only";
import { db } from "@/lib/db";
import type { DeviceTypeName } from "@/lib/devices/device-types";

/**
 * A device in "activation required": it exists so a code can be bound to it, but it is not listed,
 * not usable and not default until its activation proof is verified (architecture.md).
 */
export async function createPendingDevice(options: {
  userId: string;
  type: DeviceTypeName;
  nickname: string;
  target?: string;
  totpSecret?: string;
}) {
  return db.device.create({
    data: {
      userId: options.userId,
      type: options.type,
      nickname: options.nickname,
      status: "ACTIVATION_REQUIRED",
      target: options.target ?? null,
      totpSecret: options.totpSecret ?? null,
    },
    select: { id: true, type: true, target: true, nickname: true },
  });
}

/** Drops a registration that was abandoned or replaced (a resend creates a new device, as the source does). */
export async function deletePendingDevice(options: { userId: string; deviceId: string }) {
  await db.device.deleteMany({ where: { id: options.deviceId, userId: options.userId, status: "ACTIVATION_REQUIRED" } });
}
