import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { applyDefaultRule } from "@/lib/devices/apply-default-rule";
import type { DeviceTypeName } from "@/lib/devices/device-types";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { deviceText, notifyAccountChange } from "@/lib/notify/notify-account-change";

type ActivateOptions = { userId: string; deviceId: string; meta: RequestMeta };

/**
 * "Activate … and enable MFA for user": called only after the device's activation proof (a passcode,
 * an authenticator code, a WebAuthn attestation) was verified. The device becomes active (and default
 * if it is the first), MFA turns on, both are audited in one transaction; then the user is told by
 * email that a device was added, with a way to report it.
 */
export async function activateDevice(options: ActivateOptions) {
  const activated = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${options.userId}`);
    return activatePendingDevice(tx, options);
  });
  await notifyActivation(activated);
  return activated.device;
}

/**
 * The activation itself, inside the caller's transaction, for a proof that is consumed in the same
 * transaction (a phone's pairing key, lib/mobile/complete-pairing.ts): the proof is spent if and only
 * if the device is activated. The caller has taken its turn for the user (serializeOn) and calls
 * notifyActivation after the commit.
 */
export async function activatePendingDevice(tx: Tx, options: ActivateOptions) {
  const { count } = await tx.device.updateMany({
    where: { id: options.deviceId, userId: options.userId, status: "ACTIVATION_REQUIRED" },
    data: { status: "ACTIVE", lastUsedAt: new Date() },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", text("registration.errors.noLongerPending"));
  const device = await tx.device.findUniqueOrThrow({ where: { id: options.deviceId } });
  await applyDefaultRule(tx, options.userId);
  await recordAuditEvent(tx, {
    action: "device.added",
    userId: options.userId,
    deviceId: device.id,
    details: { type: device.type, nickname: device.nickname },
    meta: options.meta,
  });
  const mfa = await tx.user.updateMany({ where: { id: options.userId, mfaEnabled: false }, data: { mfaEnabled: true } });
  if (mfa.count > 0) await recordAuditEvent(tx, { action: "mfa.enabled", userId: options.userId, meta: options.meta });
  const { email } = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
  return { device, email };
}

/** Told at the account's email, which existed before this device (security.md item 9). */
export async function notifyActivation(activated: { device: { type: DeviceTypeName; nickname: string }; email: string }) {
  await notifyAccountChange({
    email: activated.email,
    action: "device.added",
    deviceLabel: deviceText(activated.device),
  });
}
