import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { getUser } from "@/lib/api/users/get-user";
import { issueDeviceKeyChallenge, verifyDeviceKey, type DeviceKeyVerdict } from "@/lib/device-keys/challenges";
import type { VerifyApiDeviceKeyInput } from "@/lib/validations/api-device-keys";

/**
 * "Is this a known device" over the API (seed 002), for a user this application provisioned (404
 * otherwise, before any nonce is issued or spent). The nonce is bound to the application that asked:
 * another application's verify finds no such challenge (CHALLENGE_INVALID).
 */
export async function issueUserDeviceKeyChallenge(options: { application: AuthenticatedApplication; userId: string; now?: Date }) {
  await getUser(options);
  return issueDeviceKeyChallenge({ userId: options.userId, owner: { applicationId: options.application.id }, now: options.now });
}

/**
 * The verdict, known or not. A refusal is an answer, not an error of the request: 200 with
 * `known: false` and the reason, so the application branches on one field (and the nonce is spent
 * either way, audited with the reason). The caller is the application's server, so the key's last-seen
 * address is left as it was (the audit row keeps the server's).
 */
export async function verifyUserDeviceKey(options: {
  application: AuthenticatedApplication;
  input: VerifyApiDeviceKeyInput;
  meta: RequestMeta;
  now?: Date;
}): Promise<DeviceKeyVerdict> {
  await getUser({ application: options.application, userId: options.input.userId });
  return verifyDeviceKey({
    userId: options.input.userId,
    keyId: options.input.keyId,
    nonce: options.input.nonce,
    signature: options.input.signature,
    owner: { applicationId: options.application.id },
    meta: options.meta,
    browser: { ip: null },
    now: options.now,
  });
}
