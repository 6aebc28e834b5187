import "server-only";
import { changeDevice, type DeviceChangeOptions } from "@/lib/devices/change-device";

/** A blocked device stays on the account but fails on its very next use (security.md item 10). */
export async function blockDevice(options: DeviceChangeOptions & { reason?: string }) {
  await changeDevice({ ...options, action: "device.blocked", details: { reason: options.reason ?? "user" } }, (tx, device) =>
    tx.device.update({ where: { id: device.id }, data: { status: "BLOCKED", blockedReason: options.reason ?? "user", isDefault: false } }),
  );
}

export async function unblockDevice(options: DeviceChangeOptions) {
  await changeDevice({ ...options, action: "device.unblocked" }, (tx, device) =>
    tx.device.update({ where: { id: device.id }, data: { status: "ACTIVE", blockedReason: null } }),
  );
}
