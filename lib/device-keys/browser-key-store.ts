import { exportPublicKey, generateDeviceKeyPair } from "../authenticator-protocol/keys";
import { inIndexedDbStore, type IndexedDbSchema } from "../authenticator-protocol/indexeddb-key-store";
import { signDeviceKeyProof } from "./proof";

/**
 * This browser's device keys, one per account it is registered to, in IndexedDB: the private key is
 * stored as the non-extractable CryptoKey WebCrypto made (structured clone), so no script can read it
 * out, only use it. Browser-only. Not hardware-bound: see the README's "Device keys".
 */
const DATABASE: IndexedDbSchema = { name: "mfa-device-keys", version: 1, stores: ["browser-keys"] };
const STORE = "browser-keys";

export type BrowserKey = {
  userId: string;
  keyId: string;
  privateKey: CryptoKey;
  /** Saved only with the person's consent (the sign-in page's "Continue as"): a name to greet them by. */
  greeting?: string;
};

export async function browserKeyFor(userId: string): Promise<BrowserKey | null> {
  if (typeof indexedDB === "undefined") return null;
  try {
    return ((await inIndexedDbStore(DATABASE, STORE, "readonly", (store) => store.get(userId))) as BrowserKey | undefined) ?? null;
  } catch {
    // Private browsing or storage turned off: this browser simply has no key.
    return null;
  }
}

export async function saveBrowserKey(key: BrowserKey): Promise<void> {
  await inIndexedDbStore(DATABASE, STORE, "readwrite", (store) => store.put(key, key.userId));
}

export async function forgetBrowserKey(userId: string): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  await inIndexedDbStore(DATABASE, STORE, "readwrite", (store) => store.delete(userId));
}

/** A new key pair for registering this browser: the public half to send, the private half to keep once registered. */
export async function newBrowserKeyPair(): Promise<{ publicKey: string; privateKey: CryptoKey }> {
  const pair = await generateDeviceKeyPair();
  return { publicKey: await exportPublicKey(pair.publicKey), privateKey: pair.privateKey };
}

/** This browser's answer to a nonce for the account, or null when it holds no key for it. */
export async function proveBrowserKey(userId: string, nonce: string): Promise<{ keyId: string; signature: string } | null> {
  const key = await browserKeyFor(userId);
  if (!key) return null;
  return { keyId: key.keyId, signature: await signDeviceKeyProof(key.privateKey, { keyId: key.keyId, nonce }) };
}
