import "server-only";
import { db } from "@/lib/db";
import type { ListPendingRequestsRequest, ListPendingRequestsResponse, PushRequestInfo } from "@/lib/authenticator-protocol/client";
import { listRequestPayload } from "@/lib/authenticator-protocol/payloads";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { verifySignedRequest } from "@/lib/mobile/verify-signed-request";

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
  await verifySignedRequest({
    publicKey: device.publicKey,
    payload: () => listRequestPayload({ deviceId: options.deviceId, signedAt: options.signedAt }),
    signature: options.signature,
    signedAt: options.signedAt,
    now,
  });

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
