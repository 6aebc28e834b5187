import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { tellFlowOfPairing } from "@/lib/api/authenticator/tell-flow";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { completePairing } from "@/lib/mobile/complete-pairing";
import { pairBodySchema } from "@/lib/validations/authenticator";

/** The phone pairs with a pairing key; the registration that handed the key out then moves on. */
export const POST = authenticatorHandler(async (request, meta) => {
  const { account, ...fields } = parseBody(pairBodySchema, (await readJsonBody(request)).body);
  const pairing = await completePairing({ ...fields, ...(account === undefined ? {} : { account }), meta });
  await tellFlowOfPairing({ deviceId: pairing.deviceId, meta });
  return authenticatorJson(pairing);
});
