import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { ApiProblem } from "@/lib/api/problem";
import { deviceResource } from "@/lib/api/devices/device-resource";
import { getUserDevice } from "@/lib/api/devices/get-user-device";
import { updateUserDevice } from "@/lib/api/devices/update-user-device";
import { removeUserDevice } from "@/lib/api/devices/remove-user-device";
import { userNotFound } from "@/lib/api/users/get-user";
import { apiUserIdSchema } from "@/lib/validations/api-users";
import { apiDeviceIdSchema, updateApiDeviceSchema } from "@/lib/validations/api-devices";

type Params = { id: string; deviceId: string };

/** Ids of a shape no user or device has are "not found" before any query, as unknown ones are after. */
function ids(params: Params): { userId: string; deviceId: string } {
  if (!apiUserIdSchema.safeParse(params.id).success) throw userNotFound();
  if (!apiDeviceIdSchema.safeParse(params.deviceId).success) throw new ApiProblem("NOT_FOUND", "Device not found.");
  return { userId: params.id, deviceId: params.deviceId };
}

/** GET /api/v1/users/{id}/devices/{deviceId}: one device of one of this application's users. */
export const GET = apiHandler<Params>(async (_request, { application, params }) => {
  const { userId, deviceId } = ids(params);
  return halResponse(deviceResource(userId, await getUserDevice({ application, userId, deviceId })));
});

/** PATCH: rename, make default, block, unblock (lib/api/devices/update-user-device.ts); answers the device as it now is. */
export const PATCH = apiHandler<Params>(async (request, { application, params, meta }) => {
  const { userId, deviceId } = ids(params);
  const { body } = await readJsonBody(request);
  const input = parseBody(updateApiDeviceSchema, body);
  return halResponse(deviceResource(userId, await updateUserDevice({ application, userId, deviceId, input, meta })));
});

/** DELETE: removes the device (lib/api/devices/remove-user-device.ts); 204. */
export const DELETE = apiHandler<Params>(async (_request, { application, params, meta }) => {
  const { userId, deviceId } = ids(params);
  await removeUserDevice({ application, userId, deviceId, meta });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = methodNotAllowed(["GET", "PATCH", "DELETE"]);
