import { forgetBrowserKey, newBrowserKeyPair, proveBrowserKey, saveBrowserKey, browserKeyFor } from "./browser-key-store";

/**
 * /device-key.js, the script a customer's own page loads (<script src=".../device-key.js">) to register
 * and prove this browser's device key for one of its users. It is this file bundled by esbuild
 * (scripts/build-device-key-script.mjs) with the portal's own key store and proof, so what the browser
 * signs is what lib/device-keys/proof.ts verifies by construction. The browser only makes, keeps and
 * uses the key; the customer's server calls the flow API with its application key (README, "Device
 * keys over the API").
 *
 * The private key is written to IndexedDB only once the server has accepted its public half
 * (confirm): a key the server never registered is not kept, so a failed registration leaves nothing.
 */
const pending = new Map<string, CryptoKey>();

const userIdOf = (userId: unknown): string => {
  if (typeof userId !== "string" || userId.length === 0 || userId.length > 128) throw new TypeError("MfaDeviceKey: userId must be the user's id.");
  return userId;
};

/** A new key pair for the user: send `publicKey` to your server, which registers it (POST /api/v1/users/{id}/device-keys). */
export async function createKey(userId: string): Promise<{ publicKey: string }> {
  const { publicKey, privateKey } = await newBrowserKeyPair();
  pending.set(userIdOf(userId), privateKey);
  return { publicKey };
}

/** After your server registered the key: keep it under the keyId the API answered. */
export async function confirm(userId: string, keyId: string): Promise<void> {
  const privateKey = pending.get(userIdOf(userId));
  if (!privateKey) throw new Error("MfaDeviceKey: no new key for this user in this page; call createKey first.");
  if (typeof keyId !== "string" || !/^[A-Za-z0-9_-]{16,128}$/.test(keyId)) throw new TypeError("MfaDeviceKey: keyId must be the keyId the API answered.");
  await saveBrowserKey({ userId, keyId, privateKey });
  pending.delete(userId);
}

/** The answer to a nonce from POST /api/v1/device-keys/challenges, or null when this browser holds no key for the user. */
export function prove(userId: string, nonce: string): Promise<{ keyId: string; signature: string } | null> {
  return proveBrowserKey(userIdOf(userId), nonce);
}

/** The keyId this browser holds for the user, or null. */
export async function keyId(userId: string): Promise<string | null> {
  return (await browserKeyFor(userIdOf(userId)))?.keyId ?? null;
}

/** Drops this browser's key for the user (after the server forgot it, or to sign out for good). */
export async function forget(userId: string): Promise<void> {
  pending.delete(userIdOf(userId));
  await forgetBrowserKey(userId);
}
