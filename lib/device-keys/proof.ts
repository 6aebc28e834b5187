import { signPayload, verifyPayloadSignature } from "../authenticator-protocol/sign";
import { PayloadError } from "../authenticator-protocol/payloads";

/**
 * "Is this a known device" (seed 002), the part both sides build: the browser signs
 *   mfa-device-key-v1\n<keyId>\n<nonce>
 * with its device key (ECDSA P-256 / SHA-256, IEEE P1363, base64url, as the mobile authenticator
 * signs), and the server verifies it with the public key stored for that keyId and user. Its own
 * context line, so no other signature of ours stands for it. Framework-free: the pages and the
 * /device-key.js script run the same code the server verifies with.
 */
export const DEVICE_KEY_PROOF_CONTEXT = "mfa-device-key-v1";

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function deviceKeyProofPayload(fields: { keyId: string; nonce: string }): string {
  if (typeof fields.keyId !== "string" || !TOKEN.test(fields.keyId)) throw new PayloadError("keyId");
  if (typeof fields.nonce !== "string" || !TOKEN.test(fields.nonce)) throw new PayloadError("nonce");
  return [DEVICE_KEY_PROOF_CONTEXT, fields.keyId, fields.nonce].join("\n");
}

export function signDeviceKeyProof(privateKey: CryptoKey, fields: { keyId: string; nonce: string }): Promise<string> {
  return signPayload(privateKey, deviceKeyProofPayload(fields));
}

/** False, never a throw, for anything that is not the key's signature over this keyId and nonce. */
export async function verifyDeviceKeyProof(publicKey: string, fields: { keyId: string; nonce: string }, signature: unknown): Promise<boolean> {
  let payload: string;
  try {
    payload = deviceKeyProofPayload(fields);
  } catch {
    return false;
  }
  return typeof signature === "string" && verifyPayloadSignature(publicKey, payload, signature);
}
