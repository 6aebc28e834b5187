import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import { registerDeviceKey } from "@/lib/device-keys/register-device-key";
import { getDeviceKey, type DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";
import type { RegisterApiDeviceKeyInput } from "@/lib/validations/api-device-keys";

/**
 * POST /api/v1/users/{id}/device-keys: register device (seed 002) for a user this application
 * provisioned; that the user has just authenticated is the application's to know. A user of another
 * application, or of none, is 404 before anything is read from the body's key or stored. The domain
 * applies the policies (DEVICE_KEYS_PER_USER: 409; SINGLE_DEVICE_KEY: the others are removed), audits
 * naming the application and emails the user. The request comes from the application's server, not the
 * browser: the audit row keeps the server's address, while the key's user agent is the one the body
 * passes on (it names the browser when no name is given) and its last-seen address stays unknown.
 */
export async function registerUserDeviceKey(options: {
  application: AuthenticatedApplication;
  userId: string;
  input: RegisterApiDeviceKeyInput;
  meta: RequestMeta;
}): Promise<DeviceKeySummary & { removedOthers: number }> {
  await getUser(options);
  const registered = await registerDeviceKey({
    userId: options.userId,
    publicKey: options.input.publicKey,
    remember: options.input.remember ?? false,
    displayName: options.input.displayName ?? null,
    applicationId: options.application.id,
    meta: options.meta,
    browser: { ip: null, userAgent: options.input.userAgent ?? null },
  });
  return { ...(await getDeviceKey({ userId: options.userId, keyId: registered.keyId })), removedOthers: registered.removedOthers };
}
