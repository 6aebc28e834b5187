/**
 * The mobile authenticator's protocol, framework-free: only WebCrypto (globalThis.crypto.subtle) and
 * fetch. Used by the portal's own PWA and by the server (which verifies with the same payload
 * builders), and embeddable in a customer's own app. The IndexedDB key store is not re-exported here:
 * it is the one browser-only file (key pairs and account records); import "./indexeddb-key-store"
 * where IndexedDB exists.
 */
export * from "./accounts";
export * from "./base64url";
export * from "./client";
export * from "./errors";
export * from "./keys";
export * from "./pairing-key";
export * from "./passcode";
export * from "./payloads";
export * from "./sign";
