import "server-only";
import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import { AUTHENTICATOR_ERRORS, type AuthenticatorErrorCode } from "@/lib/authenticator-protocol/errors";
import { PROBLEM_JSON, unauthenticated } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { decideBodySchema, listRequestBodySchema, pairBodySchema, subscriptionBodySchema, unsubscribeBodySchema } from "@/lib/validations/authenticator";

/**
 * The mobile authenticator's endpoints (app/api/v1/authenticator), called by the phone, not by an
 * application: no API key. lib/authenticator-protocol is their client and names their types.
 */

const authenticatorCodes = Object.keys(AUTHENTICATOR_ERRORS) as [AuthenticatorErrorCode, ...AuthenticatorErrorCode[]];

const authenticatorProblemSchema = z
  .looseObject({
    type: z.url().meta({ description: "URL naming the general kind of problem (GET /problems/{type})." }),
    title: z.string().meta({ description: "The general kind, in words." }),
    status: z.int(),
    code: z.enum(authenticatorCodes).meta({ description: "The protocol's exact refusal (lib/authenticator-protocol/errors.ts), for the app to switch on." }),
    detail: z.string().meta({ description: "This occurrence, in words to show the person." }),
    message: z.string().meta({ description: "The same words as `detail`, for apps written against the protocol's first { code, message } body." }),
  })
  .meta({ id: "AuthenticatorProblem", description: "A refusal of the authenticator's endpoints: a problem document (RFC 9457) whose `code` is the protocol's." });

/** The refusals an operation can answer, grouped by status, each group one response listing its codes. */
function refusals(...codes: AuthenticatorErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, AuthenticatorErrorCode[]>();
  for (const code of codes) byStatus.set(AUTHENTICATOR_ERRORS[code].status, [...(byStatus.get(AUTHENTICATOR_ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `\`${code}\`: ${AUTHENTICATOR_ERRORS[code].message}`).join(" "),
        ...(status === 429 ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }) } : {}),
        content: { [PROBLEM_JSON]: { schema: authenticatorProblemSchema } },
      },
    ]),
  );
}

/** What every body-taking operation may also answer when the body cannot be read. */
const unreadableBody: ZodOpenApiResponsesObject = {
  "413": { description: `\`INVALID_REQUEST\`: the body is larger than ${MAX_BODY_BYTES / 1024} KiB.`, content: { [PROBLEM_JSON]: { schema: authenticatorProblemSchema } } },
  "415": { description: "`INVALID_REQUEST`: the body is not `application/json`.", content: { [PROBLEM_JSON]: { schema: authenticatorProblemSchema } } },
};

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const DEVICE = ["DEVICE_NOT_FOUND", "DEVICE_BLOCKED", "DEVICE_NOT_PAIRED"] as const;
const SIGNATURE = ["SIGNATURE_INVALID", "SIGNATURE_EXPIRED"] as const;

const pairResponseSchema = z
  .object({
    deviceId: z.string().meta({ description: "The paired device's id; the app signs every later request under it." }),
    companyName: z.string(),
    account: z.string().meta({ description: "The account's email address, masked." }),
    passcode: z
      .object({ seed: z.string().meta({ description: "Base32 TOTP seed of the mobile passcode." }), algorithm: z.literal("SHA1"), digits: z.literal(6), periodSeconds: z.literal(30) })
      .meta({ description: "The mobile passcode (RFC 6238), for signing in when a push cannot arrive." }),
  })
  .meta({ id: "AuthenticatorPairResponse" });

const pendingRequestSchema = z
  .object({
    challengeId: z.string(),
    choices: z.array(z.int()).meta({ description: "Three distinct two-digit numbers; one is shown on the sign-in page, which one is never sent." }),
    requestInfo: z.object({
      company: z.string(),
      browser: z.string().nullable(),
      ip: z.string().nullable(),
      place: z.string().nullable().meta({ description: "Approximate place of the sign-in's address; null when unknown." }),
    }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().meta({ description: "After this the request can no longer be answered." }),
  })
  .meta({ id: "AuthenticatorPendingRequest" });

export const authenticator: ApiFamily = {
  tag: {
    name: "Authenticator",
    description: `The endpoints the mobile authenticator (the app at /authenticator, or a customer's own app built on lib/authenticator-protocol) talks to. They take no API key and no cookie. Pairing is authorised by the pairing key itself (single use, expiring within 10 minutes). Every later request is signed by the device's own key: ECDSA P-256 with SHA-256 over a canonical payload whose first line names the kind of request (\`mfa-list-v1\`, \`mfa-push-v1\`, \`mfa-subscribe-v1\`, \`mfa-unsubscribe-v1\`), then its fields and the phone's time, one per line; the server verifies it with the public key stored at pairing and refuses a signature older or newer than 60 s. Refusals are problem documents whose \`code\` is the protocol's own.`,
  },
  paths: {
    "/authenticator/pair": {
      post: unauthenticated({
        operationId: "pairAuthenticator",
        summary: "Pair a phone",
        description:
          "Completes a pairing started by a registration: the typed pairing key with the account's email, or the QR code's secret, and the public half of a key pair the app just made. The key is spent; the device becomes active and the waiting registration moves on. Wrong keys are limited per client address.",
        requestBody: { required: true, content: json(pairBodySchema) },
        responses: {
          "200": { description: "Paired.", content: json(pairResponseSchema) },
          ...refusals("INVALID_REQUEST", "INVALID_PUBLIC_KEY", "PAIRING_KEY_UNKNOWN", "PAIRING_KEY_USED", "PAIRING_KEY_EXPIRED", "PAIRING_RATE_LIMITED"),
          ...unreadableBody,
        },
      }),
    },
    "/authenticator/requests": {
      post: unauthenticated({
        operationId: "listAuthenticatorRequests",
        summary: "List a phone's pending sign-in requests",
        description: "The device's unanswered, unexpired sign-in requests, each with what is asking and three numbers to choose from. Signed by the device's key.",
        requestBody: { required: true, content: json(listRequestBodySchema) },
        responses: {
          "200": { description: "The pending requests, oldest first.", content: json(z.object({ requests: z.array(pendingRequestSchema) }).meta({ id: "AuthenticatorRequestList" })) },
          ...refusals("INVALID_REQUEST", ...DEVICE, ...SIGNATURE),
          ...unreadableBody,
        },
      }),
    },
    "/authenticator/decide": {
      post: unauthenticated({
        operationId: "decideAuthenticatorRequest",
        summary: "Approve or deny a sign-in request",
        description:
          "Approves with the number the person chose (it must be the one the sign-in page shows; a wrong one denies the request) or denies. Signed by the device's key over the challenge, the number, the decision and the time. The waiting sign-in moves on.",
        requestBody: { required: true, content: json(decideBodySchema) },
        responses: {
          "200": { description: "Decided.", content: json(z.object({ status: z.enum(["APPROVED", "DENIED"]) }).meta({ id: "AuthenticatorDecision" })) },
          ...refusals("INVALID_REQUEST", ...DEVICE, ...SIGNATURE, "NUMBER_MISMATCH", "CHALLENGE_NOT_FOUND", "CHALLENGE_EXPIRED", "CHALLENGE_DECIDED"),
          ...unreadableBody,
        },
      }),
    },
    "/authenticator/vapid-key": {
      get: unauthenticated({
        operationId: "getAuthenticatorVapidKey",
        summary: "The Web Push key",
        description: "The server's VAPID public key, the `applicationServerKey` for `pushManager.subscribe`. Public: every push service sees it.",
        responses: {
          "200": { description: "The key.", content: json(z.object({ publicKey: z.string().meta({ description: "Uncompressed P-256 point, base64url." }) }).meta({ id: "AuthenticatorVapidKey" })) },
        },
      }),
    },
    "/authenticator/subscription": {
      put: unauthenticated({
        operationId: "saveAuthenticatorSubscription",
        summary: "Save a phone's push subscription",
        description:
          "Where pushes for this device go, replacing any earlier subscription. Signed by the device's key. A push carries no secret, only a hint that wakes the app, which then lists its requests.",
        requestBody: { required: true, content: json(subscriptionBodySchema) },
        responses: {
          "200": { description: "Saved.", content: json(z.object({ saved: z.literal(true) }).meta({ id: "AuthenticatorSubscriptionSaved" })) },
          ...refusals("INVALID_REQUEST", ...DEVICE, ...SIGNATURE),
          ...unreadableBody,
        },
      }),
      delete: unauthenticated({
        operationId: "deleteAuthenticatorSubscription",
        summary: "Stop pushes to a phone",
        description: "Forgets the device's push subscription, when the person turns notifications off in the app. Signed by the device's key, so nobody else can silence a phone.",
        requestBody: { required: true, content: json(unsubscribeBodySchema) },
        responses: {
          "200": {
            description: "Forgotten; `deleted` is false when there was no subscription.",
            content: json(z.object({ deleted: z.boolean() }).meta({ id: "AuthenticatorSubscriptionDeleted" })),
          },
          ...refusals("INVALID_REQUEST", ...DEVICE, ...SIGNATURE),
          ...unreadableBody,
        },
      }),
    },
  },
};
