import { fromBase64Url, toBase64Url } from "./base64url";

/**
 * The authenticator's key pair: ECDSA on P-256, made by WebCrypto with a private key that cannot be
 * exported, so no script (ours included) can ever read it out; only the public key leaves the phone
 * (security.md item 20). One key pair per installation, i.e. per pairing of this app with one account.
 */
export const KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;

/** Longest SPKI accepted, in base64url characters: a P-256 SPKI is 91 bytes (122 characters). */
const MAX_PUBLIC_KEY_LENGTH = 256;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("WebCrypto is not available here (it needs a secure context: https or localhost).");
  return s;
}

export async function generateDeviceKeyPair(): Promise<CryptoKeyPair> {
  return subtle().generateKey(KEY_ALGORITHM, false, ["sign", "verify"]);
}

/** The public key as SPKI DER, base64url: what pairing sends and the server stores. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64Url(await subtle().exportKey("spki", publicKey));
}

export class InvalidPublicKeyError extends Error {
  constructor() {
    super("Not an ECDSA P-256 public key (SPKI, base64url).");
    this.name = "InvalidPublicKeyError";
  }
}

/**
 * A public key from its SPKI base64url form, for verifying. Anything but an ECDSA P-256 public key
 * (another curve, an RSA key, a private key, garbage) throws InvalidPublicKeyError.
 */
export async function importPublicKey(spki: string): Promise<CryptoKey> {
  if (typeof spki !== "string" || spki.length === 0 || spki.length > MAX_PUBLIC_KEY_LENGTH) throw new InvalidPublicKeyError();
  try {
    const key = await subtle().importKey("spki", fromBase64Url(spki), KEY_ALGORITHM, true, ["verify"]);
    const algorithm = key.algorithm as EcKeyAlgorithm;
    if (key.type !== "public" || algorithm.name !== "ECDSA" || algorithm.namedCurve !== "P-256") throw new InvalidPublicKeyError();
    return key;
  } catch {
    throw new InvalidPublicKeyError();
  }
}

/**
 * The one spelling of a public key that the server stores: decoded, checked as P-256 and exported
 * again, so the same key can never be stored in two forms.
 */
export async function canonicalPublicKey(spki: string): Promise<string> {
  return exportPublicKey(await importPublicKey(spki));
}

/** A new installation id: 16 random bytes, base64url. The app makes one per pairing. */
export function newInstallationId(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/** Installation ids the server accepts: base64url characters, 16 to 128 of them. */
export function isInstallationId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(value);
}

/**
 * Where an app keeps its key pairs, one per installation. The PWA uses IndexedDB
 * (indexeddb-key-store.ts), which stores CryptoKey objects as they are, still non-extractable; an app
 * of a customer's may keep them in its platform's keystore instead.
 */
export interface KeyStore {
  get(installationId: string): Promise<CryptoKeyPair | undefined>;
  put(installationId: string, keyPair: CryptoKeyPair): Promise<void>;
  delete(installationId: string): Promise<void>;
}

/** Keys in memory, gone when the process ends: for tests and for trying the protocol out. */
export class MemoryKeyStore implements KeyStore {
  private readonly pairs = new Map<string, CryptoKeyPair>();

  async get(installationId: string) {
    return this.pairs.get(installationId);
  }

  async put(installationId: string, keyPair: CryptoKeyPair) {
    this.pairs.set(installationId, keyPair);
  }

  async delete(installationId: string) {
    this.pairs.delete(installationId);
  }
}
