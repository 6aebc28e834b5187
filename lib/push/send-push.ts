import "server-only";
import { keepInOutbox } from "@/lib/notify/outbox";
import { notDelivered, pushBody, type PushMessage, type PushResult, type PushSender } from "@/lib/push/push-sender";
import { webPushSender } from "@/lib/push/web-push-sender";

/**
 * Wakes a phone's app. Best effort and never throws: a push service that is down, slow or refusing
 * costs only the wake-up, since the app's live channel and the challenge on the server are the
 * guarantee. Outside production every push is also kept in the outbox (channel "push", `to` the
 * device id), whether or not the app subscribed, so people and tests can see it.
 */
export async function sendPush(message: PushMessage, options: { sender?: PushSender } = {}): Promise<PushResult> {
  const body = pushBody(message);
  try {
    await keepInOutbox({ channel: "push", to: message.deviceId, subject: message.payload.kind, body });
  } catch (error) {
    console.warn(`push to device ${message.deviceId}: not kept in the outbox`, error instanceof Error ? error.message : error);
  }
  if (!message.subscription) return notDelivered;
  const delivery = { deviceId: message.deviceId, userId: message.userId, subscription: message.subscription, body, topic: message.payload.kind };
  try {
    return await (options.sender ?? webPushSender).send(delivery);
  } catch (error) {
    console.warn(`push to device ${message.deviceId}: sender failed`, error instanceof Error ? error.message : error);
    return notDelivered;
  }
}
