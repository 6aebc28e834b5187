import type { DeviceStatusName } from "@/lib/devices/device-types";
import type { UpdateApiDeviceInput } from "@/lib/validations/api-devices";

/** One change of a PATCH, each made by the portal's own use-case for it. */
export type DeviceChange = { kind: "unblock" } | { kind: "make-default" } | { kind: "rename"; nickname: string } | { kind: "block" };

/**
 * The next change a PATCH still needs, given the device as it is now; null when it already is as asked.
 * Pure, so the order is tested on its own (next-device-change.test.ts).
 *
 * A field that already has the asked-for value is no change: a repeated PATCH writes no second audit
 * row and sends no second email, and re-blocking a device that was blocked for another reason (a
 * suspected clone) does not overwrite that reason.
 *
 * The order is unblock, make default, rename, block: unblocking first lets a blocked device become
 * the default in the same request; making it the default comes before the rename, so when the domain
 * refuses it (only an active device can be the default) nothing else has changed yet; blocking comes
 * last, so a device being renamed and blocked is told about under its new name.
 */
export function nextDeviceChange(
  device: { status: DeviceStatusName; isDefault: boolean; nickname: string },
  input: UpdateApiDeviceInput,
): DeviceChange | null {
  if (input.status === "ACTIVE" && device.status === "BLOCKED") return { kind: "unblock" };
  if (input.default === true && !device.isDefault) return { kind: "make-default" };
  if (input.nickname !== undefined && input.nickname !== device.nickname) return { kind: "rename", nickname: input.nickname };
  if (input.status === "BLOCKED" && device.status !== "BLOCKED") return { kind: "block" };
  return null;
}
