import "server-only";
import { apiUrl, type HalLinks } from "@/lib/api/hal";
import type { UserCollectionBody, UserResourceBody } from "@/lib/api/openapi/paths/users";

/** A user as an application sees it: the installation's account, with this application's externalId. */
export type ApiUser = {
  id: string;
  email: string;
  username: string | null;
  phone: string | null;
  externalId: string | null;
  mfaEnabled: boolean;
  createdAt: Date;
};

/** What the queries select for an ApiUser, from an ApiApplicationUser row. */
export const apiUserSelect = {
  externalId: true,
  user: { select: { id: true, email: true, username: true, phone: true, mfaEnabled: true, createdAt: true } },
} as const;

export function toApiUser(row: { externalId: string | null; user: Omit<ApiUser, "externalId"> }): ApiUser {
  return { ...row.user, externalId: row.externalId };
}

export const userHref = (id: string) => apiUrl(`/users/${encodeURIComponent(id)}`);

/** Where the user's devices are (lib/api/devices/device-resource.ts builds its links on this). */
export const userDevicesHref = (id: string) => `${userHref(id)}/devices`;

/**
 * The HAL representation of one user, linking to its devices so a client follows the link rather than
 * building it; as the OpenAPI document describes it (lib/api/openapi/paths/users.ts).
 */
export function userResource(user: ApiUser) {
  const _links: HalLinks = { self: { href: userHref(user.id) }, devices: { href: userDevicesHref(user.id) } };
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    phone: user.phone,
    externalId: user.externalId,
    mfaEnabled: user.mfaEnabled,
    createdAt: user.createdAt.toISOString(),
    _links,
  } satisfies UserResourceBody;
}

/** A HAL collection of users, embedded under `users`, with its own URL (query included) as self. */
export function userCollection(users: ApiUser[], selfHref: string) {
  return {
    count: users.length,
    _embedded: { users: users.map(userResource) },
    _links: { self: { href: selfHref } } satisfies HalLinks,
  } satisfies UserCollectionBody;
}
