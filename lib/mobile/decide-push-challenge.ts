import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import type { DecideRequest, DecideResponse } from "@/lib/authenticator-protocol/client";
import { decisionPayload } from "@/lib/authenticator-protocol/payloads";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { verifySignedRequest } from "@/lib/mobile/verify-signed-request";

/**
 * Wrong numbers a challenge survives before it is DENIED. One: the phone offers three numbers, so
 * every further try would let a person who taps without looking reach the right one (1 in 3, then
 * 1 in 2, then certainly), which is what number matching exists to stop (security.md item 18).
 */
export const NUMBER_MISMATCH_LIMIT = 1;

/**
 * The phone's answer to a sign-in request, checked in this order, each refusal a MobileAuthError:
 *   1. the device exists, is a paired MOBILE device, is ACTIVE (not blocked: item 10) and is the
 *      challenge's (DEVICE_NOT_FOUND, DEVICE_BLOCKED, DEVICE_NOT_PAIRED, CHALLENGE_NOT_FOUND);
 *   2. the signature, by the device's stored public key over the canonical payload
 *      (authenticator-protocol/payloads.ts), which names the challenge, the number, the decision and
 *      the time (SIGNATURE_INVALID; INVALID_REQUEST for fields that cannot be a payload);
 *   3. signedAt within 60 s of the server's clock (SIGNATURE_EXPIRED);
 *   4. for an approval, the number chosen is the one the sign-in page shows (NUMBER_MISMATCH; it
 *      counts against the challenge, which is DENIED at NUMBER_MISMATCH_LIMIT and audited);
 *   5. the challenge is still PENDING and unexpired (CHALLENGE_EXPIRED, CHALLENGE_DECIDED).
 * The decision is one conditional UPDATE on the pending challenge, so a replayed or parallel
 * approval finds nothing left to decide: exactly one applies (item 3). On approval the phone's
 * lastUsedAt is recorded and the account's failed second-factor count cleared, like any success.
 */
export async function decidePushChallenge(
  options: DecideRequest & { meta?: RequestMeta; now?: Date; mismatchLimit?: number },
): Promise<DecideResponse> {
  const now = options.now ?? new Date();
  const mismatchLimit = options.mismatchLimit ?? NUMBER_MISMATCH_LIMIT;

  const device = await usablePairedDevice({ deviceId: options.deviceId });
  const challenge =
    typeof options.challengeId === "string" && options.challengeId !== ""
      ? await db.pushChallenge.findUnique({
          where: { id: options.challengeId },
          select: { id: true, deviceId: true, userId: true, number: true, flowExecutionId: true },
        })
      : null;
  // Another phone's challenge reads as no challenge at all.
  if (!challenge || challenge.deviceId !== device.id) throw new MobileAuthError("CHALLENGE_NOT_FOUND");

  await verifySignedRequest({
    publicKey: device.publicKey,
    payload: () => decisionPayload({ challengeId: options.challengeId, number: options.number, decision: options.decision, signedAt: options.signedAt }),
    signature: options.signature,
    signedAt: options.signedAt,
    now,
  });

  const status = options.decision === "APPROVE" ? ("APPROVED" as const) : ("DENIED" as const);
  const audit = { userId: challenge.userId, deviceId: device.id, meta: options.meta };
  const details = { challengeId: challenge.id, flowExecutionId: challenge.flowExecutionId };

  if (status === "APPROVED" && options.number !== challenge.number) {
    const denied = await countMismatch({ challengeId: challenge.id, userId: challenge.userId, now, mismatchLimit, audit, details, chosen: options.number });
    if (denied !== undefined) {
      throw new MobileAuthError(
        "NUMBER_MISMATCH",
        denied
          ? "That is not the number shown on the sign-in page. The sign-in request was denied."
          : "That is not the number shown on the sign-in page. Check it and choose again.",
      );
    }
    // The challenge was no longer pending: that is the answer, below.
  }

  const decided = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${challenge.userId}`);
    // A block that committed since the check above still stops this answer (item 10).
    await usablePairedDevice({ deviceId: device.id, userId: challenge.userId }, tx);
    const { count } = await tx.pushChallenge.updateMany({
      where: { id: challenge.id, deviceId: device.id, status: "PENDING", expiresAt: { gt: now } },
      data: { status, decidedAt: now },
    });
    if (count !== 1) return false;
    if (status === "APPROVED") {
      await tx.device.updateMany({ where: { id: device.id }, data: { lastUsedAt: now } });
      await tx.user.updateMany({ where: { id: challenge.userId }, data: { failedMfaAttempts: 0 } });
    }
    await recordAuditEvent(tx, { action: status === "APPROVED" ? "push.approved" : "push.denied", ...audit, details });
    return true;
  });
  if (!decided) throw await notPendingError(challenge.id, now);
  return { status };
}

/**
 * Counts a wrong number against a pending challenge, denying it at the limit, in one conditional
 * UPDATE each (like lib/otp/record-attempt.ts), so parallel wrong answers cannot slip past the limit.
 * Returns whether the challenge is now denied, or undefined when it was no longer pending.
 */
async function countMismatch(options: {
  challengeId: string;
  userId: string;
  now: Date;
  mismatchLimit: number;
  chosen: number | null;
  audit: { userId: string; deviceId: string; meta?: RequestMeta };
  details: Record<string, unknown>;
}): Promise<boolean | undefined> {
  const { challengeId, now, mismatchLimit } = options;
  return db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${options.userId}`);
    const pending = { id: challengeId, status: "PENDING" as const, expiresAt: { gt: now } };
    const below = await tx.pushChallenge.updateMany({
      where: { ...pending, failedAttempts: { lt: mismatchLimit - 1 } },
      data: { failedAttempts: { increment: 1 } },
    });
    let denied = false;
    if (below.count !== 1) {
      const atLimit = await tx.pushChallenge.updateMany({ where: pending, data: { failedAttempts: { increment: 1 }, status: "DENIED", decidedAt: now } });
      if (atLimit.count !== 1) return undefined;
      denied = true;
    }
    await recordAuditEvent(tx, { action: "push.number_mismatch", ...options.audit, details: { ...options.details, chosen: options.chosen, denied } });
    if (denied) await recordAuditEvent(tx, { action: "push.denied", ...options.audit, details: { ...options.details, reason: "number mismatch" } });
    return denied;
  });
}

/** Why a challenge could not be decided; an expired one that still says PENDING is marked EXPIRED on the way. */
async function notPendingError(challengeId: string, now: Date): Promise<MobileAuthError> {
  await db.pushChallenge.updateMany({ where: { id: challengeId, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  const row = await db.pushChallenge.findUnique({ where: { id: challengeId }, select: { status: true } });
  return new MobileAuthError(row?.status === "EXPIRED" ? "CHALLENGE_EXPIRED" : "CHALLENGE_DECIDED");
}
