import "server-only";
import { after } from "next/server";
import { forgetPushSubscription } from "@/lib/push/forget-push-subscription";
import type { PushPayload } from "@/lib/push/push-sender";
import { readPushSubscription } from "@/lib/push/read-push-subscription";
import { sendPush } from "@/lib/push/send-push";

export type WakePhone = {
  userId: string;
  deviceId: string;
  /** The device's stored subscription (Device.pushSubscription), null when its app never subscribed. */
  storedSubscription: string | null;
  payload: PushPayload;
};

/**
 * Pushes to a phone and, when the push service says its subscription is gone, forgets it, so later
 * pushes do not knock on a closed door; the app subscribes again when next opened. Never throws: a
 * push only wakes the app, and the challenge it points to is on the server whether or not it arrives.
 */
export async function wakePhone(message: WakePhone): Promise<void> {
  const subscription = readPushSubscription(message.storedSubscription);
  const result = await sendPush({ deviceId: message.deviceId, userId: message.userId, subscription, payload: message.payload });
  if (!result.expired || !subscription) return;
  try {
    await forgetPushSubscription({ userId: message.userId, deviceId: message.deviceId, endpoint: subscription.endpoint });
  } catch (error) {
    console.warn(`push to device ${message.deviceId}: gone subscription not forgotten`, error instanceof Error ? error.message : error);
  }
}

/**
 * wakePhone after the response has gone, when there is a request to answer first: a slow push service
 * (the sender waits up to 5 s) must not hold the sign-in page. Outside a request (scripts, tests) it
 * runs now, and the caller may await it.
 */
export async function wakePhoneAfterResponse(message: WakePhone): Promise<void> {
  try {
    after(() => wakePhone(message));
    return;
  } catch {
    // after() is only for request scopes; anywhere else the push goes now.
  }
  await wakePhone(message);
}
