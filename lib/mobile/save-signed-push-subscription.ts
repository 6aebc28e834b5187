import "server-only";
import type { SaveSubscriptionRequest } from "@/lib/authenticator-protocol/client";
import { subscribeRequestPayload } from "@/lib/authenticator-protocol/payloads";
import { AppError } from "@/lib/errors/app-error";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { verifySignedRequest } from "@/lib/mobile/verify-signed-request";
import { savePushSubscription } from "@/lib/push/save-push-subscription";
import type { StoredPushSubscription } from "@/lib/validations/push-subscription";

/**
 * The phone hands over its Web Push subscription. No cookie and no key of an application: the request
 * is signed by the device's key over `mfa-subscribe-v1\n<deviceId>\n<endpoint>\n<signedAt>` within 60 s
 * of the server's clock, so only the phone holding the private key can say where its pushes go, and a
 * captured request cannot be replayed with another endpoint. Pushes carry no secret (lib/push), so what
 * a subscription could leak is only that a sign-in is waiting.
 *
 * Throws MobileAuthError DEVICE_NOT_FOUND, DEVICE_BLOCKED, DEVICE_NOT_PAIRED, INVALID_REQUEST (also
 * for a subscription that is not valid), SIGNATURE_INVALID or SIGNATURE_EXPIRED.
 */
export async function saveSignedPushSubscription(options: SaveSubscriptionRequest & { now?: Date }): Promise<StoredPushSubscription> {
  const device = await usablePairedDevice({ deviceId: options.deviceId });
  const endpoint = (options.subscription as { endpoint?: unknown } | null)?.endpoint;
  await verifySignedRequest({
    publicKey: device.publicKey,
    payload: () => subscribeRequestPayload({ deviceId: options.deviceId, endpoint: endpoint as string, signedAt: options.signedAt }),
    signature: options.signature,
    signedAt: options.signedAt,
    now: options.now ?? new Date(),
  });
  try {
    return await savePushSubscription({ userId: device.userId, deviceId: device.id, subscription: options.subscription });
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") throw new MobileAuthError("INVALID_REQUEST", "The push subscription is not valid.");
    // Blocked or removed since the check above (item 10).
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new MobileAuthError("DEVICE_NOT_FOUND");
    throw error;
  }
}
