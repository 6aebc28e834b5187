import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { deviceKeyCollection, deviceKeyHref, deviceKeyResource } from "@/lib/api/device-keys/device-key-resource";
import { userIdParam } from "@/lib/api/device-keys/device-key-params";
import { listUserDeviceKeys } from "@/lib/api/device-keys/manage-user-device-keys";
import { registerUserDeviceKey } from "@/lib/api/device-keys/register-user-device-key";
import { registerApiDeviceKeySchema } from "@/lib/validations/api-device-keys";

/** GET /api/v1/users/{id}/device-keys: the user's registered browsers and their count. */
export const GET = apiHandler<{ id: string }>(async (_request, { application, params }) => {
  const userId = userIdParam(params);
  return halResponse(deviceKeyCollection(userId, await listUserDeviceKeys({ application, userId })));
});

/** POST: register the public half of a key the browser made (lib/api/device-keys/register-user-device-key.ts); 201. */
export const POST = apiHandler<{ id: string }>(async (request, { application, params, meta }) => {
  const userId = userIdParam(params);
  const { body } = await readJsonBody(request);
  const input = parseBody(registerApiDeviceKeySchema, body);
  const { removedOthers, ...key } = await registerUserDeviceKey({ application, userId, input, meta });
  return halResponse({ ...deviceKeyResource(userId, key), removedOthers }, { status: 201, headers: { Location: deviceKeyHref(userId, key.keyId) } });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = methodNotAllowed(["GET", "POST"]);
export const DELETE = methodNotAllowed(["GET", "POST"]);
