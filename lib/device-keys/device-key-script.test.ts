import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { canonicalPublicKey } from "@/lib/authenticator-protocol/keys";
import { verifyDeviceKeyProof } from "@/lib/device-keys/proof";
import { DEVICE_KEY_SCRIPT } from "@/lib/device-keys/device-key-script.bundle";
// @ts-expect-error: a plain .mjs build script, without types.
import { BUNDLE_FILE, bundleDeviceKeyScript } from "../../scripts/build-device-key-script.mjs";

/**
 * /device-key.js is lib/device-keys/device-key-script.entry.ts bundled with the portal's key store and
 * proof. These tests keep it so: the committed bundle is what bundling gives now, and a proof made by
 * the script's own code (run here with Node's WebCrypto) is one verifyDeviceKeyProof accepts.
 */

type MfaDeviceKey = {
  createKey(userId: string): Promise<{ publicKey: string }>;
  confirm(userId: string, keyId: string): Promise<void>;
  prove(userId: string, nonce: string): Promise<{ keyId: string; signature: string } | null>;
  keyId(userId: string): Promise<string | null>;
  forget(userId: string): Promise<void>;
};

/**
 * The part of IndexedDB the key store uses (open, one store, get/put/delete in a transaction), in
 * memory: Node has none. Values are kept as given, as structured clone keeps a CryptoKey usable.
 */
function memoryIndexedDb() {
  const databases = new Map<string, Map<string, Map<unknown, unknown>>>();
  return {
    open(name: string) {
      const opening: { result?: unknown; onupgradeneeded?: () => void; onsuccess?: () => void } = {};
      queueMicrotask(() => {
        const fresh = !databases.has(name);
        if (fresh) databases.set(name, new Map());
        const stores = databases.get(name)!;
        opening.result = {
          objectStoreNames: { contains: (store: string) => stores.has(store) },
          createObjectStore: (store: string) => stores.set(store, new Map()),
          transaction(storeName: string) {
            const transaction: { oncomplete?: () => void; objectStore: () => unknown } = {
              objectStore: () => {
                const store = stores.get(storeName)!;
                const request = (run: () => unknown) => {
                  const done = { result: run() };
                  queueMicrotask(() => transaction.oncomplete?.());
                  return done;
                };
                return {
                  get: (key: unknown) => request(() => store.get(key)),
                  put: (value: unknown, key: unknown) => request(() => (store.set(key, value), key)),
                  delete: (key: unknown) => request(() => void store.delete(key)),
                };
              },
            };
            return transaction;
          },
          close() {},
        };
        if (fresh) opening.onupgradeneeded?.();
        opening.onsuccess?.();
      });
      return opening;
    },
  };
}

/** Runs the served script as a page would, with this IndexedDB, and hands back what it defines. */
function loadScript(indexedDB: unknown): MfaDeviceKey {
  return new Function("indexedDB", `${DEVICE_KEY_SCRIPT}\nreturn MfaDeviceKey;`)(indexedDB) as MfaDeviceKey;
}

test("the committed bundle is what bundling the entry gives now (run node scripts/build-device-key-script.mjs after changing its sources)", async () => {
  assert.equal(readFileSync(BUNDLE_FILE, "utf8"), await bundleDeviceKeyScript());
});

test("a key made and kept by the script signs a proof the server's verifyDeviceKeyProof accepts, for that nonce and keyId only", async () => {
  const script = loadScript(memoryIndexedDb());
  const userId = "user-amy";
  const keyId = "AAAAAAAAAAAAAAAAAAAAAA";
  const nonce = "n0nce-n0nce-n0nce-n0nce";
  const { publicKey } = await script.createKey(userId);
  assert.equal(await canonicalPublicKey(publicKey), publicKey, "the public key in the one spelling the server stores");
  assert.equal(await script.prove(userId, nonce), null, "not kept before the server registered it");
  await assert.rejects(script.confirm("user-bob", keyId), /createKey first/);
  await script.confirm(userId, keyId);
  assert.equal(await script.keyId(userId), keyId);

  const proof = await script.prove(userId, nonce);
  assert.ok(proof);
  assert.equal(proof.keyId, keyId);
  assert.equal(await verifyDeviceKeyProof(publicKey, { keyId, nonce }, proof.signature), true);
  assert.equal(await verifyDeviceKeyProof(publicKey, { keyId, nonce: "another-nonce-another" }, proof.signature), false);
  assert.equal(await verifyDeviceKeyProof(publicKey, { keyId: "BBBBBBBBBBBBBBBBBBBBBB", nonce }, proof.signature), false);
  assert.equal(await script.prove("user-bob", nonce), null, "one key per user");

  await script.forget(userId);
  assert.equal(await script.prove(userId, nonce), null);
  assert.equal(await script.keyId(userId), null);
});

test("without IndexedDB (private browsing, storage off) the script holds no key and says so, rather than throwing", async () => {
  const script = loadScript(undefined);
  assert.equal(await script.prove("user-amy", "n0nce-n0nce-n0nce-n0nce"), null);
  assert.equal(await script.keyId("user-amy"), null);
  await assert.rejects(script.createKey(""), /userId/);
});
