import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { ApiProblem } from "@/lib/api/problem";
import { getUser } from "@/lib/api/users/get-user";
import { nextDeviceChange, type DeviceChange } from "@/lib/api/devices/next-device-change";
import { getOwnDeviceSummary } from "@/lib/devices/get-own-device";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import { renameDevice } from "@/lib/devices/rename-device";
import { setDefaultDevice } from "@/lib/devices/set-default-device";
import { blockDevice, unblockDevice } from "@/lib/devices/block-device";
import type { UpdateApiDeviceInput } from "@/lib/validations/api-devices";

/** Unblock, make default, rename: the most one request can need; more means someone else kept changing the device. */
const MAX_CHANGES = 3;

/** What blockedReason and the audit row say when an application, not the person, blocked the device. */
export const APPLICATION_BLOCK_REASON = "application";

/**
 * PATCH /api/v1/users/{id}/devices/{deviceId}: rename, make default, block, unblock, through the very
 * use-cases the device-management flow calls (lib/flows/device-management/services.ts), so each change
 * has the portal's audit row (naming the application, through `meta`), its email to the user, and the
 * default device rule. Each change is its own transaction, as it is in the portal; they are made in
 * the order nextDeviceChange gives, re-reading the device after each, and a change the domain refuses
 * (AppError) stops the request there with the domain's own answer.
 *
 * No step-up here (security.md item 8 asks one of a browser session): the application is the
 * operator's own server, holding a key only the operator hands out, and acts on its own authority,
 * which the audit row records.
 */
export async function updateUserDevice(options: {
  application: AuthenticatedApplication;
  userId: string;
  deviceId: string;
  input: UpdateApiDeviceInput;
  meta: RequestMeta;
}): Promise<DeviceSummary> {
  const { userId, deviceId, meta } = options;
  await getUser({ application: options.application, userId });
  let device = await getOwnDeviceSummary({ userId, deviceId });
  for (let made = 0; ; made++) {
    const change = nextDeviceChange(device, options.input);
    if (!change) return device;
    if (made === MAX_CHANGES) throw new ApiProblem("CONFLICT", "The device was changed by someone else at the same time. Read it and try again.");
    await apply(change, { userId, deviceId, meta });
    device = await getOwnDeviceSummary({ userId, deviceId });
  }
}

function apply(change: DeviceChange, target: { userId: string; deviceId: string; meta: RequestMeta }): Promise<void> {
  switch (change.kind) {
    case "unblock":
      return unblockDevice(target);
    case "make-default":
      return setDefaultDevice(target);
    case "rename":
      return renameDevice({ ...target, nickname: change.nickname });
    case "block":
      return blockDevice({ ...target, reason: APPLICATION_BLOCK_REASON });
  }
}
