import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { deviceKeyResource } from "@/lib/api/device-keys/device-key-resource";
import { deviceKeyParams, type DeviceKeyParams } from "@/lib/api/device-keys/device-key-params";
import { blockUserDeviceKey } from "@/lib/api/device-keys/manage-user-device-keys";

/** POST /api/v1/users/{id}/device-keys/{keyId}/block: no body; answers the key as it now is. */
export const POST = apiHandler<DeviceKeyParams>(async (_request, { application, params, meta }) => {
  const { userId, keyId } = deviceKeyParams(params);
  return halResponse(deviceKeyResource(userId, await blockUserDeviceKey({ application, userId, keyId, meta })));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);
