import "server-only";
import { db, type Tx } from "@/lib/db";
import { MobileAuthError } from "@/lib/mobile/mobile-error";

/**
 * A paired phone that may be used now: a MOBILE device that exists (for `userId`, when given), is not
 * blocked (security.md item 10: a blocked or removed phone fails on its very next use) and has finished
 * pairing. Throws MobileAuthError DEVICE_NOT_FOUND, DEVICE_BLOCKED or DEVICE_NOT_PAIRED.
 */
export async function usablePairedDevice(options: { deviceId: string; userId?: string }, client: Tx | typeof db = db) {
  if (typeof options.deviceId !== "string" || options.deviceId === "") throw new MobileAuthError("DEVICE_NOT_FOUND");
  const device = await client.device.findFirst({
    where: { id: options.deviceId, type: "MOBILE", ...(options.userId === undefined ? {} : { userId: options.userId }) },
    select: { id: true, userId: true, status: true, publicKey: true, nickname: true, pushSubscription: true, user: { select: { email: true } } },
  });
  if (!device) throw new MobileAuthError("DEVICE_NOT_FOUND");
  if (device.status === "BLOCKED") throw new MobileAuthError("DEVICE_BLOCKED");
  if (device.status !== "ACTIVE" || !device.publicKey) throw new MobileAuthError("DEVICE_NOT_PAIRED");
  return { ...device, publicKey: device.publicKey };
}
