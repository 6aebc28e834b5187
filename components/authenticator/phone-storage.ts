import type { AuthenticatorAccount } from "@/lib/authenticator-protocol/accounts";
import { fromBase64Url } from "@/lib/authenticator-protocol/base64url";
import { createAuthenticatorClient, type AuthenticatorClient } from "@/lib/authenticator-protocol/client";
import { IndexedDbAccountStore, IndexedDbKeyStore } from "@/lib/authenticator-protocol/indexeddb-key-store";

/** The app's one client, stores and service worker scope, all in this browser. */
export const SERVICE_WORKER_URL = "/authenticator/sw.js";
export const SERVICE_WORKER_SCOPE = "/authenticator/";

let client: AuthenticatorClient | undefined;
export function phoneClient(): AuthenticatorClient {
  client ??= createAuthenticatorClient({ baseUrl: window.location.origin });
  return client;
}

export const keyStore = new IndexedDbKeyStore();
export const accountStore = new IndexedDbAccountStore();

export async function privateKeyOf(account: AuthenticatorAccount): Promise<CryptoKey | null> {
  return (await keyStore.get(account.installationId))?.privateKey ?? null;
}

/** Forgets an account on this phone: its record and its key pair. */
export async function forgetAccount(account: AuthenticatorAccount): Promise<void> {
  await accountStore.delete(account.installationId);
  await keyStore.delete(account.installationId);
}

export const pushSupported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/**
 * The app's service worker registration, once its worker is active (pushManager.subscribe needs one).
 * Not navigator.serviceWorker.ready: that waits for a worker controlling this page, and /authenticator
 * itself lies outside the scope /authenticator/ (its subpages are inside).
 */
async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  const registration =
    (await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE)) ??
    (await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE }));
  if (registration.active) return registration;
  const worker = registration.installing ?? registration.waiting;
  if (worker) {
    await new Promise<void>((resolve) => {
      worker.addEventListener("statechange", () => {
        if (worker.state === "activated" || worker.state === "redundant") resolve();
      });
    });
  }
  return registration;
}

/**
 * Subscribes this browser to Web Push (one subscription for the whole app) and gives it to the server
 * for every paired account, each request signed by that account's key. Returns how many took it.
 */
export async function subscribeAccounts(accounts: AuthenticatorAccount[]): Promise<number> {
  const registration = await activeRegistration();
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    const { publicKey } = await phoneClient().getVapidKey();
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  }
  const json = subscription.toJSON();
  let saved = 0;
  for (const account of accounts) {
    if (account.unpairedAt) continue;
    const privateKey = await privateKeyOf(account);
    if (!privateKey) continue;
    await phoneClient().saveSubscription({ deviceId: account.deviceId, privateKey, subscription: json });
    saved++;
  }
  return saved;
}

/** Whether this browser already holds a push subscription of the app's, with notifications allowed. */
export async function notificationsOn(): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== "granted") return false;
  const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE);
  return Boolean(await registration?.pushManager.getSubscription());
}

/**
 * Turns notifications off: the server forgets the subscription of every paired account (each request
 * signed by that account's key), then the browser drops it, so no push service keeps a way in.
 */
export async function unsubscribeAccounts(accounts: AuthenticatorAccount[]): Promise<void> {
  for (const account of accounts) {
    if (account.unpairedAt) continue;
    const privateKey = await privateKeyOf(account);
    if (!privateKey) continue;
    await phoneClient().deleteSubscription({ deviceId: account.deviceId, privateKey });
  }
  const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE);
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
}
