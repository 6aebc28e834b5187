import { z } from "zod";
import { PUSH_DECISIONS } from "@/lib/authenticator-protocol/payloads";

/**
 * The bodies of the authenticator's endpoints (lib/authenticator-protocol/client.ts names their
 * types), for the routes to parse and the OpenAPI document to describe. Unknown members are dropped,
 * not refused as the flow API's strict bodies are: phones update on their own schedule, and an app one
 * version ahead must still pair with this server. The protocol's own checks (payloads.ts, keys.ts)
 * judge the values; these only make sure each has the right type and a sane length.
 */
const id = (description: string) => z.string().min(1).max(128).meta({ description });
const signedAt = z.int().min(0).meta({ description: "The phone's clock when it signed, in milliseconds since 1970 (UTC); within 60 s of the server's." });
const signature = z.string().max(200).meta({ description: "ECDSA P-256 / SHA-256 signature by the device's key over the request's canonical payload, IEEE P1363 (r‖s, 64 bytes), base64url." });

export const pairBodySchema = z
  .object({
    key: z.string().max(200).meta({ description: "The typed pairing key (any spelling: `abcde fghjk` works) or the QR code's secret." }),
    account: z.string().max(320).optional().meta({ description: "The account's email address; required with a typed key, ignored with a QR secret." }),
    publicKey: z.string().max(512).meta({ description: "The new key pair's ECDSA P-256 public key, SPKI DER, base64url. Only this half is stored." }),
    installationId: z.string().max(128).meta({ description: "The id the app made for this pairing (16 random bytes, base64url), under which it keeps the key pair." }),
  })
  .meta({ id: "AuthenticatorPairRequest" });

export const listRequestBodySchema = z
  .object({
    deviceId: id("The device id the app got at pairing."),
    signedAt,
    signature: signature.meta({ description: "Signature by the device's key over `mfa-list-v1\\n<deviceId>\\n<signedAt>`." }),
  })
  .meta({ id: "AuthenticatorListRequest" });

export const decideBodySchema = z
  .object({
    deviceId: id("The device id the app got at pairing."),
    challengeId: id("The sign-in request's `challengeId`."),
    number: z.int().nullable().meta({ description: "The number the person chose (10 to 99); null only with DENY." }),
    decision: z.enum(PUSH_DECISIONS),
    signedAt,
    signature: signature.meta({ description: "Signature by the device's key over `mfa-push-v1\\n<challengeId>\\n<number>\\n<decision>\\n<signedAt>` (number empty when null)." }),
  })
  .meta({ id: "AuthenticatorDecideRequest" });

export const subscriptionBodySchema = z
  .object({
    deviceId: id("The device id the app got at pairing."),
    signedAt,
    signature: signature.meta({ description: "Signature by the device's key over `mfa-subscribe-v1\\n<deviceId>\\n<endpoint>\\n<signedAt>`, `endpoint` being `subscription.endpoint`." }),
    subscription: z
      .unknown()
      .meta({ description: "PushSubscription.toJSON() of the app's service worker: `{ endpoint, expirationTime, keys: { p256dh, auth } }`. In production the endpoint must be https to a named host." }),
  })
  .meta({ id: "AuthenticatorSubscriptionRequest" });

export const unsubscribeBodySchema = z
  .object({
    deviceId: id("The device id the app got at pairing."),
    signedAt,
    signature: signature.meta({ description: "Signature by the device's key over `mfa-unsubscribe-v1\\n<deviceId>\\n<signedAt>`." }),
  })
  .meta({ id: "AuthenticatorUnsubscribeRequest" });
