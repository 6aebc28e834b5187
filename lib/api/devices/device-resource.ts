import "server-only";
import type { HalLinks } from "@/lib/api/hal";
import { userDevicesHref, userHref } from "@/lib/api/users/user-resource";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import type { DeviceCollectionBody, DeviceResourceBody } from "@/lib/api/openapi/paths/devices";

export const devicesHref = userDevicesHref;
export const deviceHref = (userId: string, deviceId: string) => `${devicesHref(userId)}/${encodeURIComponent(deviceId)}`;

/**
 * The HAL representation of one device: what the portal shows its owner (lib/devices/list-devices.ts
 * summarizeDevice), member by member, so nothing new in a summary reaches applications unnoticed. The
 * phone number or email is masked as the portal masks it; a TOTP secret, a credential or a key is never
 * read, let alone sent. `lockedUntil` is set only while wrong codes keep the device locked.
 */
export function deviceResource(userId: string, device: DeviceSummary) {
  const _links: HalLinks = { self: { href: deviceHref(userId, device.id) }, user: { href: userHref(userId) } };
  return {
    id: device.id,
    type: device.type,
    status: device.status,
    nickname: device.nickname,
    isDefault: device.isDefault,
    maskedTarget: device.maskedTarget,
    createdAt: device.createdAt.toISOString(),
    lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
    lockedUntil: device.lockedUntil?.toISOString() ?? null,
    authenticatorName: device.authenticatorName,
    passkeyStorage: device.passkeyStorage,
    _links,
  } satisfies DeviceResourceBody;
}

/** The user's devices as a HAL collection, embedded under `devices`, in the portal's order (default first). */
export function deviceCollection(userId: string, devices: DeviceSummary[]) {
  return {
    count: devices.length,
    _embedded: { devices: devices.map((device) => deviceResource(userId, device)) },
    _links: { self: { href: devicesHref(userId) }, user: { href: userHref(userId) } } satisfies HalLinks,
  } satisfies DeviceCollectionBody;
}
