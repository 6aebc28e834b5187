import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { deviceCollection } from "@/lib/api/devices/device-resource";
import { listUserDevices } from "@/lib/api/devices/list-user-devices";
import { userNotFound } from "@/lib/api/users/get-user";
import { apiUserIdSchema } from "@/lib/validations/api-users";

/** GET /api/v1/users/{id}/devices: the user's devices, default first. Devices are added through the flows, not posted here. */
export const GET = apiHandler<{ id: string }>(async (_request, { application, params }) => {
  if (!apiUserIdSchema.safeParse(params.id).success) throw userNotFound();
  return halResponse(deviceCollection(params.id, await listUserDevices({ application, userId: params.id })));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);
