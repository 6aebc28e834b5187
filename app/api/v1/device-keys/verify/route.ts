import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { verifyUserDeviceKey } from "@/lib/api/device-keys/is-known-device";
import { DEVICE_KEY_REFUSAL_MESSAGES } from "@/lib/device-keys/device-key-errors";
import { verifyApiDeviceKeySchema } from "@/lib/validations/api-device-keys";
import type { DeviceKeyVerdictBody } from "@/lib/api/openapi/paths/device-keys";

/**
 * POST /api/v1/device-keys/verify: is this a known device. 200 either way, `known` saying which (a
 * refusal is the answer to the question, not a fault of the request); 400 only for a body of the
 * wrong shape, 404 for a user who is not this application's.
 */
export const POST = apiHandler(async (request, { application, meta }) => {
  const { body } = await readJsonBody(request);
  const input = parseBody(verifyApiDeviceKeySchema, body);
  const verdict = await verifyUserDeviceKey({ application, input, meta });
  const answer: DeviceKeyVerdictBody = verdict.known
    ? { known: true, keyId: verdict.keyId, displayName: verdict.displayName, remembered: verdict.remembered, rememberedUntil: verdict.rememberedUntil?.toISOString() ?? null }
    : { known: false, reason: verdict.reason, detail: DEVICE_KEY_REFUSAL_MESSAGES[verdict.reason] };
  return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);
