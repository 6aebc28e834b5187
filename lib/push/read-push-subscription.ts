import "server-only";
import { config } from "@/lib/config";
import { pushSubscriptionSchema, type StoredPushSubscription } from "@/lib/validations/push-subscription";

/** Device.pushSubscription as sendPush takes it; null when there is none or it is no longer usable. */
export function readPushSubscription(stored: string | null): StoredPushSubscription | null {
  if (!stored) return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = pushSubscriptionSchema(config().appEnv).safeParse(json);
  return parsed.success ? parsed.data : null;
}
