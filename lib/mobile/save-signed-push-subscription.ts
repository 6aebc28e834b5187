import "server-only";
import type { SaveSubscriptionRequest } from "@/lib/authenticator-protocol/client";
import { PayloadError, subscribeRequestPayload, withinSignatureWindow } from "@/lib/authenticator-protocol/payloads";
import { verifyPayloadSignature } from "@/lib/authenticator-protocol/sign";
import { AppError } from "@/lib/errors/app-error";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { savePushSubscription } from "@/lib/push/save-push-subscription";
import type { StoredPushSubscription } from "@/lib/validations/push-subscription";

/**
 * The phone hands over its Web Push subscription. No cookie and no key of an application: the request
 * is signed by the device's key over `mfa-subscribe-v1\n<deviceId>\n<signedAt>` within 60 s of the
 * server's clock, checked like a list request (pending-requests.ts), so only the phone holding the
 * private key can say where its pushes go. Pushes carry no secret (lib/push), so what a subscription
 * could leak is only that a sign-in is waiting.
 *
 * Throws MobileAuthError DEVICE_NOT_FOUND, DEVICE_BLOCKED, DEVICE_NOT_PAIRED, INVALID_REQUEST (also
 * for a subscription that is not valid), SIGNATURE_INVALID or SIGNATURE_EXPIRED.
 */
export async function saveSignedPushSubscription(options: SaveSubscriptionRequest & { now?: Date }): Promise<StoredPushSubscription> {
  const now = options.now ?? new Date();
  const device = await usablePairedDevice({ deviceId: options.deviceId });
  let payload: string;
  try {
    payload = subscribeRequestPayload({ deviceId: options.deviceId, signedAt: options.signedAt });
  } catch (error) {
    if (error instanceof PayloadError) throw new MobileAuthError("INVALID_REQUEST");
    throw error;
  }
  if (typeof options.signature !== "string" || !(await verifyPayloadSignature(device.publicKey, payload, options.signature))) {
    throw new MobileAuthError("SIGNATURE_INVALID");
  }
  if (!withinSignatureWindow(options.signedAt, now.getTime())) throw new MobileAuthError("SIGNATURE_EXPIRED");
  try {
    return await savePushSubscription({ userId: device.userId, deviceId: device.id, subscription: options.subscription });
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") throw new MobileAuthError("INVALID_REQUEST", "The push subscription is not valid.");
    // Blocked or removed since the check above (item 10).
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new MobileAuthError("DEVICE_NOT_FOUND");
    throw error;
  }
}
