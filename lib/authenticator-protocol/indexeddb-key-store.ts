import type { KeyStore } from "./keys";

/**
 * Key pairs in the browser's IndexedDB, the one DOM-dependent file of this module. IndexedDB stores a
 * CryptoKey by structured clone, so the private key stays the non-extractable WebCrypto object it was
 * made as: stored and used, never readable (security.md item 20).
 */
export class IndexedDbKeyStore implements KeyStore {
  constructor(
    private readonly databaseName = "mfa-authenticator",
    private readonly storeName = "device-keys",
  ) {}

  async get(installationId: string): Promise<CryptoKeyPair | undefined> {
    const value = await this.request("readonly", (store) => store.get(installationId));
    return (value as CryptoKeyPair | undefined) ?? undefined;
  }

  async put(installationId: string, keyPair: CryptoKeyPair): Promise<void> {
    await this.request("readwrite", (store) => store.put(keyPair, installationId));
  }

  async delete(installationId: string): Promise<void> {
    await this.request("readwrite", (store) => store.delete(installationId));
  }

  private open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open(this.databaseName, 1);
      opening.onupgradeneeded = () => {
        if (!opening.result.objectStoreNames.contains(this.storeName)) opening.result.createObjectStore(this.storeName);
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
  }

  private async request(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const database = await this.open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(this.storeName, mode);
        const request = act(transaction.objectStore(this.storeName));
        // Resolved when the transaction commits, so a put is on disk before the caller goes on.
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      database.close();
    }
  }
}
