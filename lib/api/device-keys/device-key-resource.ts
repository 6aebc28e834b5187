import "server-only";
import { apiUrl, type HalLinks } from "@/lib/api/hal";
import { userHref } from "@/lib/api/users/user-resource";
import type { DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";
import type { DeviceKeyCollectionBody, DeviceKeyResourceBody } from "@/lib/api/openapi/paths/device-keys";

export const deviceKeysHref = (userId: string) => `${userHref(userId)}/device-keys`;
export const deviceKeyHref = (userId: string, keyId: string) => `${deviceKeysHref(userId)}/${encodeURIComponent(keyId)}`;
export const deviceKeyChallengesHref = () => apiUrl("/device-keys/challenges");
export const deviceKeyVerifyHref = () => apiUrl("/device-keys/verify");

/**
 * The HAL representation of one device key: the summary the portal's "Your browsers" shows
 * (lib/device-keys/manage-device-keys.ts), never the public key. `registeredBy` says whether an
 * application registered it over this API or the person did in the portal. The links offer block or
 * unblock, whichever applies now.
 */
export function deviceKeyResource(userId: string, key: DeviceKeySummary) {
  const self = deviceKeyHref(userId, key.keyId);
  const _links: HalLinks = {
    self: { href: self },
    user: { href: userHref(userId) },
    ...(key.status === "ACTIVE" ? { block: { href: `${self}/block` } } : { unblock: { href: `${self}/unblock` } }),
  };
  return {
    keyId: key.keyId,
    displayName: key.displayName,
    status: key.status,
    createdAt: key.createdAt.toISOString(),
    lastSeenAt: key.lastSeenAt.toISOString(),
    lastSeenIp: key.lastSeenIp,
    rememberedUntil: key.rememberedUntil?.toISOString() ?? null,
    registeredBy: key.applicationId ? ("application" as const) : ("portal" as const),
    _links,
  } satisfies DeviceKeyResourceBody;
}

/** The user's device keys as a HAL collection under `_embedded.deviceKeys`, most recently seen first. */
export function deviceKeyCollection(userId: string, keys: DeviceKeySummary[]) {
  return {
    count: keys.length,
    _embedded: { deviceKeys: keys.map((key) => deviceKeyResource(userId, key)) },
    _links: { self: { href: deviceKeysHref(userId) }, user: { href: userHref(userId) } } satisfies HalLinks,
  } satisfies DeviceKeyCollectionBody;
}
