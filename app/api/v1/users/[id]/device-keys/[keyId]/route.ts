import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { deviceKeyResource } from "@/lib/api/device-keys/device-key-resource";
import { deviceKeyParams, type DeviceKeyParams } from "@/lib/api/device-keys/device-key-params";
import { forgetUserDeviceKey, getUserDeviceKey, renameUserDeviceKey } from "@/lib/api/device-keys/manage-user-device-keys";
import { updateApiDeviceKeySchema } from "@/lib/validations/api-device-keys";

/** GET /api/v1/users/{id}/device-keys/{keyId}: one browser of one of this application's users. */
export const GET = apiHandler<DeviceKeyParams>(async (_request, { application, params }) => {
  const { userId, keyId } = deviceKeyParams(params);
  return halResponse(deviceKeyResource(userId, await getUserDeviceKey({ application, userId, keyId })));
});

/** PATCH `{ displayName }`: the seed's "enrich"; answers the key as it now is. */
export const PATCH = apiHandler<DeviceKeyParams>(async (request, { application, params, meta }) => {
  const { userId, keyId } = deviceKeyParams(params);
  const { body } = await readJsonBody(request);
  const { displayName } = parseBody(updateApiDeviceKeySchema, body);
  return halResponse(deviceKeyResource(userId, await renameUserDeviceKey({ application, userId, keyId, displayName, meta })));
});

/** DELETE: forget the key; 204. */
export const DELETE = apiHandler<DeviceKeyParams>(async (_request, { application, params, meta }) => {
  const { userId, keyId } = deviceKeyParams(params);
  await forgetUserDeviceKey({ application, userId, keyId, meta });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = methodNotAllowed(["GET", "PATCH", "DELETE"]);
