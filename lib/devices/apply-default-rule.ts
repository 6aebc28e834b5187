import "server-only";
import type { Tx } from "@/lib/db";
import { chooseDefaultDevice } from "@/lib/devices/default-device-rule";

/** Re-establishes "exactly one active default" after a change, inside the change's transaction. */
export async function applyDefaultRule(tx: Tx, userId: string) {
  const devices = await tx.device.findMany({
    where: { userId },
    select: { id: true, status: true, isDefault: true, createdAt: true },
  });
  const chosen = chooseDefaultDevice(devices);
  await tx.device.updateMany({ where: { userId, isDefault: true, NOT: { id: chosen ?? "" } }, data: { isDefault: false } });
  if (chosen) await tx.device.updateMany({ where: { id: chosen, userId, isDefault: false }, data: { isDefault: true } });
  return chosen;
}
