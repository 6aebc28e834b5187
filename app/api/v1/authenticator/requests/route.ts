import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { pendingRequests } from "@/lib/mobile/pending-requests";
import { listRequestBodySchema } from "@/lib/validations/authenticator";

/** A POST, not a GET: the signature is a body, and a list of sign-in requests is never to be cached. */
export const POST = authenticatorHandler(async (request) => {
  const body = parseBody(listRequestBodySchema, (await readJsonBody(request)).body);
  return authenticatorJson(await pendingRequests(body));
});
