import { fromBase64Url, toBase64Url, utf8 } from "./base64url";
import { importPublicKey } from "./keys";
import {
  decisionPayload,
  listRequestPayload,
  subscribeRequestPayload,
  unsubscribeRequestPayload,
  type DecisionFields,
  type ListRequestFields,
  type SubscribeRequestFields,
  type UnsubscribeRequestFields,
} from "./payloads";

/**
 * Signing on the phone and verifying on the server: ECDSA P-256 with SHA-256 over the UTF-8 bytes of
 * a canonical payload (payloads.ts). The signature is WebCrypto's own form, IEEE P1363 (r || s, 64
 * bytes), base64url; not DER.
 */
export const SIGNATURE_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;
const SIGNATURE_BYTES = 64;

export async function signPayload(privateKey: CryptoKey, payload: string): Promise<string> {
  return toBase64Url(await globalThis.crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, utf8(payload)));
}

export type SignedDecision = DecisionFields & { signature: string };
export type SignedListRequest = ListRequestFields & { signature: string };
export type SignedSubscribeRequest = SubscribeRequestFields & { signature: string };
export type SignedUnsubscribeRequest = UnsubscribeRequestFields & { signature: string };

/** A decision, signed now (or at `signedAt`). */
export async function signDecision(
  privateKey: CryptoKey,
  fields: Omit<DecisionFields, "signedAt"> & { signedAt?: number },
): Promise<SignedDecision> {
  const complete = { ...fields, signedAt: fields.signedAt ?? Date.now() };
  return { ...complete, signature: await signPayload(privateKey, decisionPayload(complete)) };
}

/** A request for the device's pending sign-in requests, signed now (or at `signedAt`). */
export async function signListRequest(
  privateKey: CryptoKey,
  fields: Omit<ListRequestFields, "signedAt"> & { signedAt?: number },
): Promise<SignedListRequest> {
  const complete = { ...fields, signedAt: fields.signedAt ?? Date.now() };
  return { ...complete, signature: await signPayload(privateKey, listRequestPayload(complete)) };
}

/** A request to save the device's push subscription, signed now (or at `signedAt`). */
export async function signSubscribeRequest(
  privateKey: CryptoKey,
  fields: Omit<SubscribeRequestFields, "signedAt"> & { signedAt?: number },
): Promise<SignedSubscribeRequest> {
  const complete = { ...fields, signedAt: fields.signedAt ?? Date.now() };
  return { ...complete, signature: await signPayload(privateKey, subscribeRequestPayload(complete)) };
}

/** A request to forget the device's push subscription, signed now (or at `signedAt`). */
export async function signUnsubscribeRequest(
  privateKey: CryptoKey,
  fields: Omit<UnsubscribeRequestFields, "signedAt"> & { signedAt?: number },
): Promise<SignedUnsubscribeRequest> {
  const complete = { ...fields, signedAt: fields.signedAt ?? Date.now() };
  return { ...complete, signature: await signPayload(privateKey, unsubscribeRequestPayload(complete)) };
}

/**
 * Whether `signature` is the holder of `publicKey`'s signature over `payload`. False, never a throw,
 * for a malformed key or signature: to the caller those are all "not verified".
 */
export async function verifyPayloadSignature(publicKey: CryptoKey | string, payload: string, signature: string): Promise<boolean> {
  try {
    const key = typeof publicKey === "string" ? await importPublicKey(publicKey) : publicKey;
    const bytes = fromBase64Url(signature);
    if (bytes.length !== SIGNATURE_BYTES) return false;
    return await globalThis.crypto.subtle.verify(SIGNATURE_ALGORITHM, key, bytes, utf8(payload));
  } catch {
    return false;
  }
}
