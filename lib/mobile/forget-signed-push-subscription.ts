import "server-only";
import type { DeleteSubscriptionRequest, DeleteSubscriptionResponse } from "@/lib/authenticator-protocol/client";
import { unsubscribeRequestPayload } from "@/lib/authenticator-protocol/payloads";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { verifySignedRequest } from "@/lib/mobile/verify-signed-request";
import { forgetPushSubscription } from "@/lib/push/forget-push-subscription";

/**
 * The phone turns its notifications off: the server stops pushing to it. Signed by the device's key over
 * `mfa-unsubscribe-v1\n<deviceId>\n<signedAt>` like every other request of the phone, so nobody else can
 * silence a phone. A blocked phone is refused like any of its requests (it is pushed nothing anyway),
 * and a removed one has no subscription left to forget.
 *
 * Throws MobileAuthError DEVICE_NOT_FOUND, DEVICE_BLOCKED, DEVICE_NOT_PAIRED, INVALID_REQUEST,
 * SIGNATURE_INVALID or SIGNATURE_EXPIRED.
 */
export async function forgetSignedPushSubscription(options: DeleteSubscriptionRequest & { now?: Date }): Promise<DeleteSubscriptionResponse> {
  const device = await usablePairedDevice({ deviceId: options.deviceId });
  await verifySignedRequest({
    publicKey: device.publicKey,
    payload: () => unsubscribeRequestPayload({ deviceId: options.deviceId, signedAt: options.signedAt }),
    signature: options.signature,
    signedAt: options.signedAt,
    now: options.now ?? new Date(),
  });
  return { deleted: await forgetPushSubscription({ userId: device.userId, deviceId: device.id }) };
}
