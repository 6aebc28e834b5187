import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { forgetSignedPushSubscription } from "@/lib/mobile/forget-signed-push-subscription";
import { saveSignedPushSubscription } from "@/lib/mobile/save-signed-push-subscription";
import { subscriptionBodySchema, unsubscribeBodySchema } from "@/lib/validations/authenticator";

/** PUT: the device has one subscription, and a new one replaces it. */
export const PUT = authenticatorHandler(async (request) => {
  const body = parseBody(subscriptionBodySchema, (await readJsonBody(request)).body);
  await saveSignedPushSubscription({ ...body, subscription: body.subscription });
  return authenticatorJson({ saved: true });
});

/** DELETE: notifications turned off on the phone; no more pushes to it. */
export const DELETE = authenticatorHandler(async (request) => {
  const body = parseBody(unsubscribeBodySchema, (await readJsonBody(request)).body);
  return authenticatorJson(await forgetSignedPushSubscription(body));
});
