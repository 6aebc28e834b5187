import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors/app-error";
import { pushSubscriptionSchema, type StoredPushSubscription } from "@/lib/validations/push-subscription";

/**
 * Keeps the subscription the authenticator app made (PushSubscription.toJSON()) on its MOBILE device,
 * replacing any earlier one. The caller has proved the request comes from that device (its signature);
 * ownership is still part of the query. A blocked phone gets nothing, so it cannot subscribe either.
 */
export async function savePushSubscription(options: {
  userId: string;
  deviceId: string;
  subscription: unknown;
}): Promise<StoredPushSubscription> {
  const parsed = pushSubscriptionSchema(config().appEnv).safeParse(options.subscription);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "The push subscription is not valid.", z.flattenError(parsed.error).fieldErrors);
  }
  const { count } = await db.device.updateMany({
    where: { id: options.deviceId, userId: options.userId, type: "MOBILE", status: { not: "BLOCKED" } },
    data: { pushSubscription: JSON.stringify(parsed.data) },
  });
  if (count !== 1) throw notFound();
  return parsed.data;
}
