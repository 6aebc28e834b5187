import "server-only";
import { ApiProblem } from "@/lib/api/problem";
import { userNotFound } from "@/lib/api/users/get-user";
import { apiUserIdSchema } from "@/lib/validations/api-users";
import { apiKeyIdSchema } from "@/lib/validations/api-device-keys";

export type DeviceKeyParams = { id: string; keyId: string };

export const deviceKeyNotFound = () => new ApiProblem("NOT_FOUND", "Browser not found.");

/** Ids of a shape no user or key has are "not found" before any query, as unknown ones are after. */
export function userIdParam(params: { id: string }): string {
  if (!apiUserIdSchema.safeParse(params.id).success) throw userNotFound();
  return params.id;
}

export function deviceKeyParams(params: DeviceKeyParams): { userId: string; keyId: string } {
  const userId = userIdParam(params);
  if (!apiKeyIdSchema.safeParse(params.keyId).success) throw deviceKeyNotFound();
  return { userId, keyId: params.keyId };
}
