import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/app-error";

export type PairingStatus =
  /** The newest key of this flow still works; the phone has not used it yet. */
  | { status: "PENDING"; expiresAt: Date }
  /** A phone paired with a key of this flow: the device is active. */
  | { status: "PAIRED"; pairedAt: Date }
  /** No key of this flow works any more: start again (a new key) or give up. */
  | { status: "EXPIRED" };

/**
 * What the registering flow waits on: whether its device has been paired through one of its keys.
 * Bound to the flow (security.md item 25): a key of another flow, even of the same user, says nothing.
 *
 * Throws AppError NOT_FOUND when the device is not this user's MOBILE device (removed meanwhile).
 */
export async function pairingStatus(options: { userId: string; deviceId: string; flowExecutionId: string; now?: Date }): Promise<PairingStatus> {
  const now = options.now ?? new Date();
  const device = await db.device.findFirst({
    where: { id: options.deviceId, userId: options.userId, type: "MOBILE" },
    select: { status: true, pairedAt: true },
  });
  if (!device) throw notFound();
  const key = await db.pairingKey.findFirst({
    where: { deviceId: options.deviceId, flowExecutionId: options.flowExecutionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { usedAt: true, expiresAt: true },
  });
  if (device.pairedAt && device.status !== "ACTIVATION_REQUIRED") {
    const pairedHere = await db.pairingKey.count({ where: { deviceId: options.deviceId, flowExecutionId: options.flowExecutionId, usedAt: { not: null } } });
    if (pairedHere > 0) return { status: "PAIRED", pairedAt: device.pairedAt };
  }
  if (key && !key.usedAt && key.expiresAt > now && device.status === "ACTIVATION_REQUIRED") return { status: "PENDING", expiresAt: key.expiresAt };
  return { status: "EXPIRED" };
}
