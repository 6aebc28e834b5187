import type { AccountStore, AuthenticatorAccount } from "./accounts";
import type { KeyStore } from "./keys";

/**
 * Key pairs and account records in the browser's IndexedDB, the one DOM-dependent file of this
 * module. IndexedDB stores a CryptoKey by structured clone, so the private key stays the
 * non-extractable WebCrypto object it was made as: stored and used, never readable (security.md item
 * 20). Both stores live in one database, keyed by installation id, so an account and its key pair
 * are found together.
 */
const DATABASE_NAME = "mfa-authenticator";
/** Version 1 had only the key store; version 2 adds the accounts. */
const DATABASE_VERSION = 2;
const KEY_STORE = "device-keys";
const ACCOUNT_STORE = "accounts";

/** An IndexedDB database by name and version, with the object stores it must have. */
export type IndexedDbSchema = { name: string; version: number; stores: readonly string[] };

const AUTHENTICATOR_DATABASE: IndexedDbSchema = { name: DATABASE_NAME, version: DATABASE_VERSION, stores: [KEY_STORE, ACCOUNT_STORE] };

function openDatabase(schema: IndexedDbSchema): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(schema.name, schema.version);
    opening.onupgradeneeded = () => {
      for (const store of schema.stores) {
        if (!opening.result.objectStoreNames.contains(store)) opening.result.createObjectStore(store);
      }
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

/** One request on one store, resolved once its transaction has committed (so a put is on disk). */
export async function inIndexedDbStore(schema: IndexedDbSchema, storeName: string, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const database = await openDatabase(schema);
  try {
    return await new Promise((resolve, reject) => {
      const transaction = database.transaction(storeName, mode);
      const request = act(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

const inStore = (databaseName: string, storeName: string, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest) =>
  inIndexedDbStore({ ...AUTHENTICATOR_DATABASE, name: databaseName }, storeName, mode, act);

export class IndexedDbKeyStore implements KeyStore {
  constructor(private readonly databaseName = DATABASE_NAME) {}

  async get(installationId: string): Promise<CryptoKeyPair | undefined> {
    const value = await inStore(this.databaseName, KEY_STORE, "readonly", (store) => store.get(installationId));
    return (value as CryptoKeyPair | undefined) ?? undefined;
  }

  async put(installationId: string, keyPair: CryptoKeyPair): Promise<void> {
    await inStore(this.databaseName, KEY_STORE, "readwrite", (store) => store.put(keyPair, installationId));
  }

  async delete(installationId: string): Promise<void> {
    await inStore(this.databaseName, KEY_STORE, "readwrite", (store) => store.delete(installationId));
  }
}

export class IndexedDbAccountStore implements AccountStore {
  constructor(private readonly databaseName = DATABASE_NAME) {}

  async list(): Promise<AuthenticatorAccount[]> {
    const values = (await inStore(this.databaseName, ACCOUNT_STORE, "readonly", (store) => store.getAll())) as AuthenticatorAccount[];
    return values.sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  }

  async put(account: AuthenticatorAccount): Promise<void> {
    await inStore(this.databaseName, ACCOUNT_STORE, "readwrite", (store) => store.put(account, account.installationId));
  }

  async delete(installationId: string): Promise<void> {
    await inStore(this.databaseName, ACCOUNT_STORE, "readwrite", (store) => store.delete(installationId));
  }
}
