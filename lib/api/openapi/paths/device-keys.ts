import "server-only";
import { z } from "zod";
import { authenticated, errors, HAL_JSON, halLinksSchema } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { apiUserIdSchema } from "@/lib/validations/api-users";
import {
  apiKeyIdSchema,
  deviceKeyChallengeSchema,
  registerApiDeviceKeySchema,
  updateApiDeviceKeySchema,
  verifyApiDeviceKeySchema,
} from "@/lib/validations/api-device-keys";
import type { DeviceKeyRefusal } from "@/lib/device-keys/device-key-errors";

/**
 * Device keys (seed 002's Device keys APIs; app/api/v1/users/[id]/device-keys and
 * app/api/v1/device-keys): a user's registered browsers, and "is this a known device". The bodies are
 * the schemas the routes parse with; the representations are built in
 * lib/api/device-keys/device-key-resource.ts and typed against the schemas below.
 */

export const deviceKeyResourceSchema = z
  .strictObject({
    keyId: z.string().meta({ description: "The key's id; the browser keeps it next to its private key." }),
    displayName: z.string(),
    status: z.enum(["ACTIVE", "BLOCKED"]).meta({ description: "A BLOCKED key proves nothing until unblocked." }),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime().meta({ description: "Registration, or the last proof that held." }),
    lastSeenIp: z.string().nullable(),
    rememberedUntil: z.iso.datetime().nullable().meta({ description: "While in the future, the browser may skip the second factor; null when not remembered, or no longer." }),
    registeredBy: z.enum(["application", "portal"]).meta({ description: "Whether an application registered it over this API, or the person in the portal." }),
    _links: halLinksSchema,
  })
  .meta({ id: "DeviceKey", description: "A browser registered to a user: never its public key." });

export const deviceKeyCollectionSchema = z
  .strictObject({
    count: z.int(),
    _embedded: z.strictObject({ deviceKeys: z.array(deviceKeyResourceSchema) }),
    _links: halLinksSchema,
  })
  .meta({ id: "DeviceKeyCollection", description: "A user's device keys, most recently seen first (HAL)." });

export const registeredDeviceKeySchema = deviceKeyResourceSchema
  .extend({ removedOthers: z.int().meta({ description: "With the single-device policy, how many other keys of the user this one replaced." }) })
  .meta({ id: "RegisteredDeviceKey", description: "The new key; keep `keyId` in the browser (`MfaDeviceKey.confirm`)." });

export const deviceKeyChallengeResponseSchema = z
  .strictObject({
    nonce: z.string().meta({ description: "256 random bits, base64url: hand it to the browser to sign (`MfaDeviceKey.prove`). Single use." }),
    expiresAt: z.iso.datetime().meta({ description: "2 minutes after issue." }),
  })
  .meta({ id: "DeviceKeyChallenge" });

const REFUSALS = ["CHALLENGE_INVALID", "UNKNOWN_KEY", "BLOCKED", "SIGNATURE_INVALID"] as const satisfies readonly DeviceKeyRefusal[];

export const deviceKeyVerdictSchema = z
  .discriminatedUnion("known", [
    z.strictObject({
      known: z.literal(true),
      keyId: z.string(),
      displayName: z.string(),
      remembered: z.boolean().meta({ description: "The key is remembered now (rememberedUntil is in the future)." }),
      rememberedUntil: z.iso.datetime().nullable(),
    }),
    z.strictObject({
      known: z.literal(false),
      reason: z.enum(REFUSALS).meta({
        description:
          "CHALLENGE_INVALID: no such nonce for this user and application, or it was used or expired. UNKNOWN_KEY: no such key for this user (forgotten, or another user's). BLOCKED: the key is blocked. SIGNATURE_INVALID: the signature is not this key's over this keyId and nonce.",
      }),
      detail: z.string().meta({ description: "The reason in words that can be shown." }),
    }),
  ])
  .meta({ id: "DeviceKeyVerdict", description: "Whether the browser proved it holds a key registered to the user." });

export type DeviceKeyResourceBody = z.input<typeof deviceKeyResourceSchema>;
export type DeviceKeyCollectionBody = z.input<typeof deviceKeyCollectionSchema>;
export type DeviceKeyVerdictBody = z.input<typeof deviceKeyVerdictSchema>;
export type DeviceKeyChallengeBody = z.input<typeof deviceKeyChallengeResponseSchema>;

const userPath = z.object({ id: apiUserIdSchema });
const keyPath = z.object({ id: apiUserIdSchema, keyId: apiKeyIdSchema });
const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { "application/json": { schema } } });
const hal = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { [HAL_JSON]: { schema } } });

export const deviceKeys: ApiFamily = {
  tag: {
    name: "Device keys",
    description:
      "Browsers registered to a user with a key pair made by WebCrypto (the private key stays in the browser), and \"is this a known device\": your server asks for a nonce, the browser signs it with `/device-key.js`, your server asks whether the signature holds. Each change and each verdict is audited naming your application; changes are emailed to the user.",
  },
  paths: {
    "/users/{id}/device-keys": {
      get: authenticated({
        operationId: "listDeviceKeys",
        summary: "List a user's device keys",
        description: "Active and blocked keys, most recently seen first, with their count. Another application's user is 404.",
        requestParams: { path: userPath },
        responses: { "200": hal("The device keys.", deviceKeyCollectionSchema), ...errors(404) },
      }),
      post: authenticated({
        operationId: "registerDeviceKey",
        summary: "Register a browser's device key",
        description:
          "For a user of yours who has just authenticated. Policies apply: beyond the limit per user it is 409; with the single-device policy the user's other keys are removed. Not a P-256 public key is 400.",
        requestParams: { path: userPath },
        requestBody: json(registerApiDeviceKeySchema),
        responses: { "201": hal("Registered; `Location` is the key.", registeredDeviceKeySchema), ...errors(400, 404, 409, 413, 415) },
      }),
    },
    "/users/{id}/device-keys/{keyId}": {
      get: authenticated({
        operationId: "getDeviceKey",
        summary: "Read a device key",
        requestParams: { path: keyPath },
        responses: { "200": hal("The device key.", deviceKeyResourceSchema), ...errors(404) },
      }),
      patch: authenticated({
        operationId: "updateDeviceKey",
        summary: "Rename a device key",
        requestParams: { path: keyPath },
        requestBody: json(updateApiDeviceKeySchema),
        responses: { "200": hal("The device key as it now is.", deviceKeyResourceSchema), ...errors(400, 404, 413, 415) },
      }),
      delete: authenticated({
        operationId: "deleteDeviceKey",
        summary: "Forget a device key",
        description: "The key is deleted: the browser is a new device on its next visit.",
        requestParams: { path: keyPath },
        responses: { "204": { description: "Forgotten." }, ...errors(404) },
      }),
    },
    "/users/{id}/device-keys/{keyId}/block": {
      post: authenticated({
        operationId: "blockDeviceKey",
        summary: "Block a device key",
        description: "A blocked key stays listed but proves nothing (`verify` answers `BLOCKED`). Blocking a blocked key changes nothing.",
        requestParams: { path: keyPath },
        responses: { "200": hal("The device key as it now is.", deviceKeyResourceSchema), ...errors(404) },
      }),
    },
    "/users/{id}/device-keys/{keyId}/unblock": {
      post: authenticated({
        operationId: "unblockDeviceKey",
        summary: "Unblock a device key",
        requestParams: { path: keyPath },
        responses: { "200": hal("The device key as it now is.", deviceKeyResourceSchema), ...errors(404) },
      }),
    },
    "/device-keys/challenges": {
      post: authenticated({
        operationId: "createDeviceKeyChallenge",
        summary: "Ask for a nonce for a user's browser to sign",
        description: "Single use, for this user and your application only, valid 2 minutes.",
        requestBody: json(deviceKeyChallengeSchema),
        responses: { "201": { description: "The nonce.", content: { "application/json": { schema: deviceKeyChallengeResponseSchema } } }, ...errors(400, 404, 413, 415) },
      }),
    },
    "/device-keys/verify": {
      post: authenticated({
        operationId: "verifyDeviceKey",
        summary: "Is this a known device: check the browser's signature over the nonce",
        description:
          "A proof that does not hold is an answer, not an error: 200 with `known: false` and the reason (the nonce is spent either way). 400 is only for a body of the wrong shape, 404 for a user who is not yours.",
        requestBody: json(verifyApiDeviceKeySchema),
        responses: { "200": { description: "The verdict.", content: { "application/json": { schema: deviceKeyVerdictSchema } } }, ...errors(400, 404, 413, 415) },
      }),
    },
  },
};
