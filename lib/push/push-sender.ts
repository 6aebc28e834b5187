/**
 * What a push tells the app: which of its devices, and what to look at. Never a secret, a number to
 * match or what is asking: the challenge lives on the server, and the app fetches it over its own
 * signed channel once woken. A push only wakes the app.
 */
export type PushPayload = { kind: "push-challenge"; challengeId: string } | { kind: "unpaired" };

export type PushMessage = {
  deviceId: string;
  userId: string;
  /** The device's subscription (readPushSubscription(device.pushSubscription)); null when its app never subscribed. */
  subscription: PushSubscriptionJSON | null;
  payload: PushPayload;
};

/**
 * `delivered`: a push service accepted the message, which is not the phone having it. `expired`: the
 * push service says the subscription is gone (404, 410); the caller should forget it
 * (forgetPushSubscription), and the app subscribes again the next time it is opened.
 */
export type PushResult = { delivered: boolean; expired: boolean };

/** A push as a sender gets it: the plain body, which the sender encrypts for the subscription and signs. */
export type PushDelivery = {
  deviceId: string;
  userId: string;
  subscription: PushSubscriptionJSON;
  /** The JSON the app's service worker reads. */
  body: string;
  /** RFC 8030 Topic: a newer push of the same kind replaces one the push service still holds. */
  topic: string;
};

/** A way to reach a phone (Web Push now; a native app's own service could be another). Never rejects. */
export interface PushSender {
  send(delivery: PushDelivery): Promise<PushResult>;
}

export const notDelivered: PushResult = Object.freeze({ delivered: false, expired: false });

/** Exactly what the app receives, also what the outbox keeps. */
export function pushBody(message: Pick<PushMessage, "deviceId" | "payload">): string {
  return JSON.stringify({ ...message.payload, deviceId: message.deviceId });
}
