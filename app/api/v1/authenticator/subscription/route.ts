import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { saveSignedPushSubscription } from "@/lib/mobile/save-signed-push-subscription";
import { subscriptionBodySchema } from "@/lib/validations/authenticator";

/** PUT: the device has one subscription, and a new one replaces it. */
export const PUT = authenticatorHandler(async (request) => {
  const body = parseBody(subscriptionBodySchema, (await readJsonBody(request)).body);
  await saveSignedPushSubscription({ ...body, subscription: body.subscription });
  return authenticatorJson({ saved: true });
});
