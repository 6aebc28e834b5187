import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { halResponse, apiUrl } from "@/lib/api/hal";
import { parseBody, parseQuery } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createUser } from "@/lib/api/users/create-user";
import { findUserByExternalId } from "@/lib/api/users/find-user-by-external-id";
import { userCollection, userResource } from "@/lib/api/users/user-resource";
import { createApiUserSchema, findApiUsersQuery } from "@/lib/validations/api-users";

/** POST /api/v1/users: provision a user (201, Location). See lib/api/users/create-user.ts for whose users they are. */
export const POST = apiHandler(async (request, { application, meta }) => {
  const { body } = await readJsonBody(request);
  const input = parseBody(createApiUserSchema, body);
  const user = userResource(await createUser({ application, input, meta }));
  return halResponse(user, { status: 201, headers: { Location: user._links.self.href } });
});

/** GET /api/v1/users?externalId=…: this application's user with that externalId, as a collection of none or one. */
export const GET = apiHandler(async (request, { application }) => {
  const { externalId } = parseQuery(findApiUsersQuery, new URL(request.url).searchParams);
  const user = await findUserByExternalId({ application, externalId });
  return halResponse(userCollection(user ? [user] : [], apiUrl(`/users?${new URLSearchParams({ externalId })}`)));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = methodNotAllowed(["GET", "POST"]);
export const DELETE = methodNotAllowed(["GET", "POST"]);
