import "server-only";
import { db } from "@/lib/db";
import { readPushSubscription } from "@/lib/push/read-push-subscription";

/**
 * Drops a MOBILE device's push subscription: when the push service said it is gone (give `endpoint`,
 * the one that was gone) or when the app unsubscribes. With `endpoint`, a subscription the app saved
 * since that push went out is kept: the row is cleared only if it still holds what was read.
 * Returns whether a subscription was dropped.
 */
export async function forgetPushSubscription(options: { userId: string; deviceId: string; endpoint?: string }): Promise<boolean> {
  const device = await db.device.findFirst({
    where: { id: options.deviceId, userId: options.userId, type: "MOBILE" },
    select: { pushSubscription: true },
  });
  if (!device?.pushSubscription) return false;
  if (options.endpoint !== undefined && readPushSubscription(device.pushSubscription)?.endpoint !== options.endpoint) return false;
  const { count } = await db.device.updateMany({
    where: { id: options.deviceId, userId: options.userId, pushSubscription: device.pushSubscription },
    data: { pushSubscription: null },
  });
  return count === 1;
}
