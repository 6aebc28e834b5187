import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import {
  blockDeviceKey,
  forgetDeviceKey,
  getDeviceKey,
  listDeviceKeys,
  renameDeviceKey,
  unblockDeviceKey,
  type DeviceKeySummary,
} from "@/lib/device-keys/manage-device-keys";

/**
 * The device keys of a user this application provisioned: list, read, rename, block, unblock, forget.
 * First the user must be this application's (lookup by application and user together: another
 * application's user is 404, security.md item 11), then the key that user's (by keyId and user
 * together, in the domain). Each change is the portal's own: audited naming the application, emailed.
 */
type KeyOptions = { application: AuthenticatedApplication; userId: string; keyId: string };
type ChangeOptions = KeyOptions & { meta: RequestMeta };

export async function listUserDeviceKeys(options: { application: AuthenticatedApplication; userId: string }): Promise<DeviceKeySummary[]> {
  await getUser(options);
  return listDeviceKeys(options.userId);
}

export async function getUserDeviceKey(options: KeyOptions): Promise<DeviceKeySummary> {
  await getUser(options);
  return getDeviceKey(options);
}

const change = (options: ChangeOptions) => ({ userId: options.userId, keyId: options.keyId, meta: options.meta, applicationId: options.application.id });

/** The seed's "enrich": answers the key as it now is. */
export async function renameUserDeviceKey(options: ChangeOptions & { displayName: string }): Promise<DeviceKeySummary> {
  await getUser(options);
  // The name it already has changes nothing: no audit row, no email (as the devices resource does).
  const key = await getDeviceKey(options);
  if (key.displayName === options.displayName) return key;
  await renameDeviceKey({ ...change(options), displayName: options.displayName });
  return getDeviceKey(options);
}

/** Blocked, the key proves nothing (verify answers BLOCKED) until it is unblocked. */
export async function blockUserDeviceKey(options: ChangeOptions): Promise<DeviceKeySummary> {
  await getUser(options);
  // Already blocked changes nothing: a retried request does not audit or email twice.
  const key = await getDeviceKey(options);
  if (key.status === "BLOCKED") return key;
  await blockDeviceKey(change(options));
  return getDeviceKey(options);
}

export async function unblockUserDeviceKey(options: ChangeOptions): Promise<DeviceKeySummary> {
  await getUser(options);
  const key = await getDeviceKey(options);
  if (key.status === "ACTIVE") return key;
  await unblockDeviceKey(change(options));
  return getDeviceKey(options);
}

/** Forgotten, the key is deleted: the browser is a new device on its next visit (verify answers UNKNOWN_KEY). */
export async function forgetUserDeviceKey(options: ChangeOptions): Promise<void> {
  await getUser(options);
  await forgetDeviceKey(change(options));
}
