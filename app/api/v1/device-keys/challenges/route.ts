import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { issueUserDeviceKeyChallenge } from "@/lib/api/device-keys/is-known-device";
import { deviceKeyChallengeSchema } from "@/lib/validations/api-device-keys";
import type { DeviceKeyChallengeBody } from "@/lib/api/openapi/paths/device-keys";

/** POST /api/v1/device-keys/challenges `{ userId }`: a single-use nonce for the user's browser to sign; 201. */
export const POST = apiHandler(async (request, { application }) => {
  const { body } = await readJsonBody(request);
  const { userId } = parseBody(deviceKeyChallengeSchema, body);
  const { nonce, expiresAt } = await issueUserDeviceKeyChallenge({ application, userId });
  return Response.json({ nonce, expiresAt: expiresAt.toISOString() } satisfies DeviceKeyChallengeBody, { status: 201, headers: { "Cache-Control": "no-store" } });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);
