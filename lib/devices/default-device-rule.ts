import type { DeviceStatusName } from "@/lib/devices/device-types";

export type DefaultCandidate = { id: string; status: DeviceStatusName; isDefault: boolean; createdAt: Date };

/**
 * The one rule for default devices: a user with at least one active device has exactly one default,
 * and it is active. The current default keeps the badge while it is active; otherwise the oldest active
 * device takes it. Without active devices there is no default. Applied after every change to a user's
 * devices, so no use-case has to remember it.
 */
export function chooseDefaultDevice(devices: readonly DefaultCandidate[]): string | null {
  const active = devices.filter((d) => d.status === "ACTIVE");
  const current = active.find((d) => d.isDefault);
  if (current) return current.id;
  const oldest = [...active].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
  return oldest?.id ?? null;
}
