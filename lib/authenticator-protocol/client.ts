import { AUTHENTICATOR_ERRORS, isAuthenticatorErrorCode, type AuthenticatorErrorCode } from "./errors";
import { exportPublicKey, generateDeviceKeyPair, newInstallationId, type KeyStore } from "./keys";
import type { PushDecision } from "./payloads";
import {
  signDecision,
  signListRequest,
  signSubscribeRequest,
  signUnsubscribeRequest,
  type SignedDecision,
  type SignedListRequest,
  type SignedSubscribeRequest,
  type SignedUnsubscribeRequest,
} from "./sign";

/**
 * The authenticator's side of the HTTP protocol: its endpoints (under the flow API, /api/v1, and
 * described in its OpenAPI document), their request and response bodies (JSON; the server's routes
 * use these same types), and a small client over `fetch`. Every refusal is a non-2xx problem document
 * (RFC 9457) whose `code` is an AuthenticatorErrorCode and whose `detail` and `message` both carry the
 * words for the person (AuthenticatorErrorBody, errors.ts).
 */
export const AUTHENTICATOR_API_PATHS = {
  /** POST PairRequest → PairResponse. */
  pair: "/api/v1/authenticator/pair",
  /** POST ListPendingRequestsRequest → ListPendingRequestsResponse. */
  requests: "/api/v1/authenticator/requests",
  /** POST DecideRequest → DecideResponse. */
  decide: "/api/v1/authenticator/decide",
  /** GET → VapidKeyResponse. */
  vapidKey: "/api/v1/authenticator/vapid-key",
  /** PUT SaveSubscriptionRequest → SaveSubscriptionResponse; DELETE DeleteSubscriptionRequest → DeleteSubscriptionResponse. */
  subscription: "/api/v1/authenticator/subscription",
} as const;

export type PairRequest = {
  /** The typed pairing key (any spelling: "abcde fghjk" works) or the QR code's secret. */
  key: string;
  /** The account's email address; required with a typed key, ignored with a QR secret. */
  account?: string;
  /** The new key pair's public key, SPKI base64url (keys.ts exportPublicKey). */
  publicKey: string;
  /** The id the app made for this pairing (keys.ts newInstallationId), under which it keeps the key pair. */
  installationId: string;
};

export type PairResponse = {
  deviceId: string;
  /** The company the account belongs to, for the app's list of accounts. */
  companyName: string;
  /** The account's email address, masked ("j•••@example.com"). */
  account: string;
  /** The mobile passcode's seed and parameters (passcode.ts computes codes from them). */
  passcode: { seed: string; algorithm: "SHA1"; digits: 6; periodSeconds: 30 };
};

/** What is asking for approval. `place` is approximate and null when unknown. */
export type PushRequestInfo = { company: string; browser: string | null; ip: string | null; place: string | null };

export type PendingRequest = {
  challengeId: string;
  /** Three distinct two-digit numbers, one of them shown on the sign-in page; which one is never sent. */
  choices: number[];
  requestInfo: PushRequestInfo;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; after it the request can no longer be answered. */
  expiresAt: string;
};

export type ListPendingRequestsRequest = SignedListRequest;
export type ListPendingRequestsResponse = { requests: PendingRequest[] };

export type DecideRequest = SignedDecision & { deviceId: string };
export type DecideResponse = { status: "APPROVED" | "DENIED" };

/** The server's VAPID public key (base64url), the applicationServerKey for pushManager.subscribe. */
export type VapidKeyResponse = { publicKey: string };
/**
 * `subscription` is PushSubscription.toJSON(): { endpoint, expirationTime, keys: { p256dh, auth } }.
 * The signature covers its endpoint, which the body carries only inside `subscription`.
 */
export type SaveSubscriptionRequest = Omit<SignedSubscribeRequest, "endpoint"> & { subscription: unknown };
export type SaveSubscriptionResponse = { saved: true };
export type DeleteSubscriptionRequest = SignedUnsubscribeRequest;
/** `deleted` is false when the server held no subscription for the device. */
export type DeleteSubscriptionResponse = { deleted: boolean };

/** A refusal from the server, or no usable answer at all (NETWORK_ERROR, UNEXPECTED_RESPONSE). */
export class AuthenticatorRequestError extends Error {
  constructor(
    readonly code: AuthenticatorErrorCode | "NETWORK_ERROR" | "UNEXPECTED_RESPONSE",
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "AuthenticatorRequestError";
  }
}

export type AuthenticatorClientOptions = {
  /** The portal's URL, e.g. "https://accounts.example.com". */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Other paths, for an app that proxies the endpoints elsewhere. */
  paths?: Partial<Record<keyof typeof AUTHENTICATOR_API_PATHS, string>>;
};

export type AuthenticatorClient = ReturnType<typeof createAuthenticatorClient>;

export function createAuthenticatorClient(options: AuthenticatorClientOptions) {
  const base = options.baseUrl.replace(/\/$/, "");
  const paths: Record<keyof typeof AUTHENTICATOR_API_PATHS, string> = { ...AUTHENTICATOR_API_PATHS, ...options.paths };
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // The phone proves itself by signature; no cookie of the portal's is wanted.
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      throw new AuthenticatorRequestError("NETWORK_ERROR", "The server could not be reached. Check the connection and try again.", null);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok && json !== undefined) return json as T;
    const refusal = (json ?? {}) as { code?: unknown; message?: unknown; detail?: unknown };
    if (isAuthenticatorErrorCode(refusal.code)) {
      // A problem document's words are `detail`; `message` is kept for apps written before.
      const words = [refusal.detail, refusal.message].find((w): w is string => typeof w === "string" && w !== "");
      throw new AuthenticatorRequestError(refusal.code, words ?? AUTHENTICATOR_ERRORS[refusal.code].message, response.status);
    }
    throw new AuthenticatorRequestError("UNEXPECTED_RESPONSE", "The server gave an answer the app does not understand.", response.status);
  }
  const post = <T>(path: string, body: unknown) => send<T>("POST", path, body);

  return {
    pair(request: PairRequest): Promise<PairResponse> {
      return post(paths.pair, request);
    },

    /** The device's pending sign-in requests, asked for with a signature by its key. */
    async listPendingRequests(request: { deviceId: string; privateKey: CryptoKey; signedAt?: number }): Promise<ListPendingRequestsResponse> {
      const body: ListPendingRequestsRequest = await signListRequest(request.privateKey, request);
      return post(paths.requests, body);
    },

    /** Approves (with the number the person chose) or denies one request, signed by the device's key. */
    async decide(request: {
      deviceId: string;
      challengeId: string;
      number: number | null;
      decision: PushDecision;
      privateKey: CryptoKey;
      signedAt?: number;
    }): Promise<DecideResponse> {
      const signed = await signDecision(request.privateKey, request);
      const body: DecideRequest = { deviceId: request.deviceId, ...signed };
      return post(paths.decide, body);
    },
    /** The key to subscribe to Web Push with (pushManager.subscribe's applicationServerKey). */
    getVapidKey(): Promise<VapidKeyResponse> {
      return send("GET", paths.vapidKey);
    },
    /** Gives the server the device's push subscription, signed by its key; replaces an earlier one. */
    async saveSubscription(request: { deviceId: string; privateKey: CryptoKey; subscription: PushSubscriptionJSON; signedAt?: number }): Promise<SaveSubscriptionResponse> {
      const { endpoint: _signed, ...signed } = await signSubscribeRequest(request.privateKey, {
        deviceId: request.deviceId,
        endpoint: request.subscription.endpoint ?? "",
        ...(request.signedAt === undefined ? {} : { signedAt: request.signedAt }),
      });
      const body: SaveSubscriptionRequest = { ...signed, subscription: request.subscription };
      return send("PUT", paths.subscription, body);
    },
    /** Tells the server to stop pushing to this device (notifications turned off); signed by its key. */
    async deleteSubscription(request: { deviceId: string; privateKey: CryptoKey; signedAt?: number }): Promise<DeleteSubscriptionResponse> {
      const body: DeleteSubscriptionRequest = await signUnsubscribeRequest(request.privateKey, {
        deviceId: request.deviceId,
        ...(request.signedAt === undefined ? {} : { signedAt: request.signedAt }),
      });
      return send("DELETE", paths.subscription, body);
    },
  };
}

/**
 * Pairs a new installation: makes its key pair, keeps it in `keyStore` under a new installation id,
 * and sends the public key with the pairing key. When pairing fails the key pair is thrown away again.
 * Keep the returned installation id and device id together: signing later needs both.
 */
export async function pairNewInstallation(options: {
  client: AuthenticatorClient;
  keyStore: KeyStore;
  key: string;
  account?: string;
}): Promise<{ installationId: string; pairing: PairResponse }> {
  const installationId = newInstallationId();
  const keyPair = await generateDeviceKeyPair();
  await options.keyStore.put(installationId, keyPair);
  try {
    const pairing = await options.client.pair({
      key: options.key,
      ...(options.account === undefined ? {} : { account: options.account }),
      publicKey: await exportPublicKey(keyPair.publicKey),
      installationId,
    });
    return { installationId, pairing };
  } catch (error) {
    await options.keyStore.delete(installationId);
    throw error;
  }
}
