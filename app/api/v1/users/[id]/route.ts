import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse } from "@/lib/api/hal";
import { getUser, userNotFound } from "@/lib/api/users/get-user";
import { userResource } from "@/lib/api/users/user-resource";
import { apiUserIdSchema } from "@/lib/validations/api-users";

/** GET /api/v1/users/{id}: one of this application's users; any other id is 404. */
export const GET = apiHandler<{ id: string }>(async (_request, { application, params }) => {
  if (!apiUserIdSchema.safeParse(params.id).success) throw userNotFound();
  return halResponse(userResource(await getUser({ application, userId: params.id })));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);
