import "server-only";
import { db } from "@/lib/db";
import type { ListPendingRequestsRequest, ListPendingRequestsResponse, PushRequestInfo } from "@/lib/authenticator-protocol/client";
import { listRequestPayload, PayloadError, withinSignatureWindow } from "@/lib/authenticator-protocol/payloads";
import { verifyPayloadSignature } from "@/lib/authenticator-protocol/sign";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { usablePairedDevice } from "@/lib/mobile/paired-device";

/**
 * What the phone lists: its device's pending, unexpired sign-in requests, each with what is asking and
 * the three numbers to choose from (never which one is right). The request is signed by the device's
 * key over `mfa-list-v1\n<deviceId>\n<signedAt>` within 60 s of the server's clock, so only the phone
 * holding the private key sees its requests.
 *
 * Throws MobileAuthError DEVICE_NOT_FOUND (e.g. removed: the app then shows it as unpaired),
 * DEVICE_BLOCKED, DEVICE_NOT_PAIRED, INVALID_REQUEST, SIGNATURE_INVALID or SIGNATURE_EXPIRED.
 */
export async function pendingRequests(options: ListPendingRequestsRequest & { now?: Date }): Promise<ListPendingRequestsResponse> {
  const now = options.now ?? new Date();
  const device = await usablePairedDevice({ deviceId: options.deviceId });
  let payload: string;
  try {
    payload = listRequestPayload({ deviceId: options.deviceId, signedAt: options.signedAt });
  } catch (error) {
    if (error instanceof PayloadError) throw new MobileAuthError("INVALID_REQUEST");
    throw error;
  }
  if (typeof options.signature !== "string" || !(await verifyPayloadSignature(device.publicKey, payload, options.signature))) {
    throw new MobileAuthError("SIGNATURE_INVALID");
  }
  if (!withinSignatureWindow(options.signedAt, now.getTime())) throw new MobileAuthError("SIGNATURE_EXPIRED");

  const challenges = await db.pushChallenge.findMany({
    where: { deviceId: device.id, status: "PENDING", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, choices: true, requestInfo: true, createdAt: true, expiresAt: true },
  });
  return {
    requests: challenges.map((c) => ({
      challengeId: c.id,
      choices: JSON.parse(c.choices) as number[],
      requestInfo: JSON.parse(c.requestInfo) as PushRequestInfo,
      createdAt: c.createdAt.toISOString(),
      expiresAt: c.expiresAt.toISOString(),
    })),
  };
}
