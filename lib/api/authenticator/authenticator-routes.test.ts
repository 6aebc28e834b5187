import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { POST as decide } from "@/app/api/v1/authenticator/decide/route";
import { POST as pair } from "@/app/api/v1/authenticator/pair/route";
import { POST as listRequests } from "@/app/api/v1/authenticator/requests/route";
import { DELETE as deleteSubscription, PUT as saveSubscription } from "@/app/api/v1/authenticator/subscription/route";
import { GET as vapidKey } from "@/app/api/v1/authenticator/vapid-key/route";
import { authenticatorProblemFromError } from "@/lib/api/authenticator/authenticator-handler";
import { ApiProblem } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { AuthenticatorRequestError, createAuthenticatorClient } from "@/lib/authenticator-protocol/client";
import { signDecision, signListRequest, signSubscribeRequest } from "@/lib/authenticator-protocol/sign";
import { createPushChallenge } from "@/lib/mobile/create-push-challenge";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { createPairedPhone, newFlowId, newPhone, startTestPairing } from "@/lib/mobile/test-fixtures";

const BASE = "https://accounts.example.com";
const jsonRequest = (path: string, body: unknown, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request(`${BASE}${path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.77", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const problem = async (response: Response) => {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.detail, body.message, "message repeats detail");
  assert.equal(body.status, response.status);
  return body;
};

/** The routes as the protocol client reaches them, in process: the client's own paths, our handlers. */
function clientOverRoutes() {
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    "/api/v1/authenticator/pair": pair,
    "/api/v1/authenticator/requests": listRequests,
    "/api/v1/authenticator/decide": decide,
    "/api/v1/authenticator/subscription": (request) => (request.method === "DELETE" ? deleteSubscription(request) : saveSubscription(request)),
    "/api/v1/authenticator/vapid-key": vapidKey,
  };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const route = routes[new URL(request.url).pathname];
    return route ? route(request) : new Response("not found", { status: 404 });
  }) as typeof globalThis.fetch;
  return createAuthenticatorClient({ baseUrl: BASE, fetch });
}

test("refusals become problem documents with the protocol's code; unreadable bodies are INVALID_REQUEST; the rest is the API's", async () => {
  const limited = authenticatorProblemFromError(new MobileAuthError("PUSH_RATE_LIMITED", "Try again in 5 minutes.", 300));
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "300");
  assert.deepEqual(await problem(limited), {
    type: `${config().appUrl}/api/v1/problems/rate-limited`,
    title: "Too many requests",
    status: 429,
    code: "PUSH_RATE_LIMITED",
    detail: "Try again in 5 minutes.",
    message: "Try again in 5 minutes.",
  });
  const expired = await problem(authenticatorProblemFromError(new MobileAuthError("SIGNATURE_EXPIRED")));
  assert.equal(expired.code, "SIGNATURE_EXPIRED");
  assert.match(String(expired.type), /\/problems\/forbidden$/);

  const tooBig = authenticatorProblemFromError(new ApiProblem("PAYLOAD_TOO_LARGE", "At most 64 KiB."));
  assert.equal(tooBig.status, 413);
  assert.equal((await problem(tooBig)).code, "INVALID_REQUEST");

  const original = console.error;
  console.error = () => {};
  try {
    const crash = authenticatorProblemFromError(new Error("secret stack detail"));
    assert.equal(crash.status, 500);
    const text = await crash.text();
    assert.doesNotMatch(text, /secret stack detail/);
    assert.match(text, /INTERNAL_ERROR/);
  } finally {
    console.error = original;
  }
});

test("bodies that are not JSON, not objects, of the wrong media type or with fields of the wrong type answer 400/415 INVALID_REQUEST, never 500", async () => {
  for (const route of [pair, listRequests, decide, saveSubscription, deleteSubscription]) {
    for (const body of ["{not json", "[]", "null", '{"deviceId": 5, "signedAt": "x"}', ""]) {
      const response = await route(jsonRequest("/x", body));
      assert.equal(response.status, 400, body);
      assert.equal((await problem(response)).code, "INVALID_REQUEST");
    }
    const wrongType = await route(jsonRequest("/x", "{}", { headers: { "content-type": "text/plain" } }));
    assert.equal(wrongType.status, 415);
    assert.equal((await problem(wrongType)).code, "INVALID_REQUEST");
  }
  const badSubscription = await saveSubscription(jsonRequest("/x", { deviceId: "d", signedAt: -1, signature: "s" }, { method: "PUT" }));
  assert.equal(badSubscription.status, 400);
  const badUnsubscription = await deleteSubscription(jsonRequest("/x", { deviceId: 5 }, { method: "DELETE" }));
  assert.equal(badUnsubscription.status, 400);
  assert.equal((await problem(badUnsubscription)).code, "INVALID_REQUEST");
});

test("through the protocol client: pair, list, subscribe and decide; the used key, a stranger's signature and a removed device are refused by code", async () => {
  const client = clientOverRoutes();
  const { started, deviceId, user } = await startTestPairing();
  const phone = await newPhone();
  const paired = await client.pair({ key: started.pairingKey, account: user.email, publicKey: phone.publicKey, installationId: phone.installationId });
  assert.equal(paired.deviceId, deviceId);
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).status, "ACTIVE");

  const again = await newPhone();
  await assert.rejects(
    client.pair({ key: started.pairingKey, account: user.email, publicKey: again.publicKey, installationId: again.installationId }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "PAIRING_KEY_USED" && e.status === 409,
  );

  const challenge = await createPushChallenge({ userId: user.id, deviceId, flowExecutionId: newFlowId(), meta: { ip: "203.0.113.9", userAgent: "Firefox" } });
  const { requests } = await client.listPendingRequests({ deviceId, privateKey: phone.keyPair.privateKey });
  assert.deepEqual(requests.map((r) => r.challengeId), [challenge.id]);

  const { publicKey } = await client.getVapidKey();
  assert.match(publicKey, /^[A-Za-z0-9_-]{87}$/);
  const subscription = { endpoint: "http://127.0.0.1:9/push/x", expirationTime: null, keys: { p256dh: `B${"x".repeat(86)}`, auth: "y".repeat(22) } };
  assert.deepEqual(await client.saveSubscription({ deviceId, privateKey: phone.keyPair.privateKey, subscription }), { saved: true });
  assert.ok((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).pushSubscription);
  await assert.rejects(
    client.deleteSubscription({ deviceId, privateKey: again.keyPair.privateKey }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "SIGNATURE_INVALID" && e.status === 403,
  );
  assert.deepEqual(await client.deleteSubscription({ deviceId, privateKey: phone.keyPair.privateKey }), { deleted: true });
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).pushSubscription, null);

  await assert.rejects(
    client.decide({ deviceId, challengeId: challenge.id, number: challenge.number, decision: "APPROVE", privateKey: again.keyPair.privateKey }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "SIGNATURE_INVALID",
  );
  assert.deepEqual(await client.decide({ deviceId, challengeId: challenge.id, number: challenge.number, decision: "APPROVE", privateKey: phone.keyPair.privateKey }), { status: "APPROVED" });
  assert.equal((await db.pushChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).status, "APPROVED");

  await db.device.delete({ where: { id: deviceId } });
  await assert.rejects(
    client.listPendingRequests({ deviceId, privateKey: phone.keyPair.privateKey }),
    (e: unknown) => e instanceof AuthenticatorRequestError && e.code === "DEVICE_NOT_FOUND" && e.status === 404,
  );
});

test("raw signed bodies reach the domain unchanged: an old signature is SIGNATURE_EXPIRED, a subscribe signature does not list", async () => {
  const { deviceId, phone, user } = await createPairedPhone();
  const old = await signListRequest(phone.keyPair.privateKey, { deviceId, signedAt: Date.now() - 120_000 });
  const expired = await listRequests(jsonRequest("/x", old));
  assert.equal(expired.status, 403);
  assert.equal((await problem(expired)).code, "SIGNATURE_EXPIRED");
  const subscribe = await signSubscribeRequest(phone.keyPair.privateKey, { deviceId, endpoint: "https://push.example/x" });
  const crossed = await listRequests(jsonRequest("/x", subscribe));
  assert.equal((await problem(crossed)).code, "SIGNATURE_INVALID");
  const challenge = await createPushChallenge({ userId: user.id, deviceId, flowExecutionId: newFlowId(), meta: {} });
  const wrong = challenge.number === 99 ? 98 : challenge.number + 1;
  const signed = await signDecision(phone.keyPair.privateKey, { challengeId: challenge.id, number: wrong, decision: "APPROVE" });
  const mismatch = await decide(jsonRequest("/x", { deviceId, ...signed }));
  assert.equal(mismatch.status, 403);
  assert.equal((await problem(mismatch)).code, "NUMBER_MISMATCH");
  assert.equal((await db.pushChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).status, "DENIED");
});
