import "server-only";
import webpush from "web-push";
import { config } from "@/lib/config";
import { notDelivered, type PushDelivery, type PushResult, type PushSender } from "@/lib/push/push-sender";
import { getVapidKeys } from "@/lib/push/vapid-keys";
import { pushSubscriptionSchema } from "@/lib/validations/push-subscription";

/** A push is useless once the sign-in it announces has timed out (60 s by default). */
const TTL_SECONDS = 60;
/** Push services answer in milliseconds; one slower than this is as good as down for a sign-in. */
const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm payload (RFC 8291), built by the
 * `web-push` package and posted with fetch: web-push's own sender speaks https only and has no
 * deadline of ours.
 */
export function createWebPushSender(options: { timeoutMs?: number } = {}): PushSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(delivery: PushDelivery): Promise<PushResult> {
      const label = `push to device ${delivery.deviceId}`;
      try {
        const subscription = pushSubscriptionSchema(config().appEnv).safeParse(delivery.subscription);
        if (!subscription.success) {
          console.warn(`${label}: the stored subscription is not usable`);
          return notDelivered;
        }
        const keys = await getVapidKeys();
        const request = webpush.generateRequestDetails(subscription.data, delivery.body, {
          vapidDetails: { subject: config().push.vapidSubject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          contentEncoding: "aes128gcm",
          TTL: TTL_SECONDS,
          urgency: "high",
          topic: delivery.topic,
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers as Record<string, string | number>)) {
          // fetch counts the body itself.
          if (name.toLowerCase() !== "content-length") headers.set(name, String(value));
        }
        const response = await fetch(request.endpoint, {
          method: "POST",
          headers,
          body: request.body ? new Uint8Array(request.body) : null,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return { delivered: true, expired: false };
        if (response.status === 404 || response.status === 410) return { delivered: false, expired: true };
        console.warn(`${label}: the push service answered HTTP ${response.status}`);
        return notDelivered;
      } catch (error) {
        // The endpoint is a capability of the phone's: logged is why, never where.
        console.warn(`${label}: not sent (${reason(error)})`);
        return notDelivered;
      }
    },
  };
}

export const webPushSender: PushSender = createWebPushSender();

function reason(error: unknown): string {
  if (!(error instanceof Error)) return "error";
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${error.name}: ${code}` : error.name;
}
