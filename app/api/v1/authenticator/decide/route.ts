import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { tellFlowOfPushDecision } from "@/lib/api/authenticator/tell-flow";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { decidePushChallenge } from "@/lib/mobile/decide-push-challenge";
import { decideBodySchema } from "@/lib/validations/authenticator";

/** The phone approves (with the number it was shown) or denies; the sign-in that asked then moves on. */
export const POST = authenticatorHandler(async (request, meta) => {
  const body = parseBody(decideBodySchema, (await readJsonBody(request)).body);
  const decided = await decidePushChallenge({ ...body, meta });
  await tellFlowOfPushDecision({ challengeId: body.challengeId, status: decided.status, meta });
  return authenticatorJson(decided);
});
