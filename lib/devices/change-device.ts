import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db, type Tx } from "@/lib/db";
import { getOwnDevice } from "@/lib/devices/get-own-device";
import { applyDefaultRule } from "@/lib/devices/apply-default-rule";
import { recordAuditEvent, type AuditAction, type RequestMeta } from "@/lib/audit/record-audit-event";
import { deviceText, notifyAccountChange } from "@/lib/notify/notify-account-change";

type Device = Awaited<ReturnType<typeof getOwnDevice>>;

export type DeviceChangeOptions = { userId: string; deviceId: string; meta: RequestMeta; actorId?: string };

/**
 * The shape every change to one device takes: find it among the user's own devices, change it, keep
 * the default rule, write the audit row, all in one transaction; then tell the user by email
 * (an existing channel, security.md item 9). The use-case files supply only the change itself.
 */
export async function changeDevice<T>(
  options: DeviceChangeOptions & { action: AuditAction; details?: Record<string, unknown> },
  change: (tx: Tx, device: Device) => Promise<T>,
): Promise<T> {
  const { result, device, email } = await db.$transaction(async (tx) => {
    // The default rule reads the user's devices and then writes: one change per user at a time.
    await serializeOn(tx, `user:${options.userId}`);
    const device = await getOwnDevice(options, tx);
    const result = await change(tx, device);
    await applyDefaultRule(tx, options.userId);
    await recordAuditEvent(tx, {
      action: options.action,
      userId: options.userId,
      actorId: options.actorId,
      deviceId: device.id,
      details: { type: device.type, nickname: device.nickname, ...options.details },
      meta: options.meta,
    });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
    return { result, device, email };
  });
  await notifyAccountChange({
    email,
    action: options.action,
    deviceLabel: deviceText(device),
  });
  return result;
}
