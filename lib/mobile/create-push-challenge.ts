import "server-only";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { hitFixedWindow } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";
import { matchNumbers } from "@/lib/mobile/match-numbers";
import { MobileAuthError } from "@/lib/mobile/mobile-error";
import { usablePairedDevice } from "@/lib/mobile/paired-device";
import { pushRequestInfo } from "@/lib/mobile/request-info";
import { wakePhoneAfterResponse } from "@/lib/push/wake-phone";

/** How long answered and expired requests are kept, for the flow that polls and for a late phone. */
const KEEP_DECIDED_MS = 24 * 3600 * 1000;

export type CreatedPushChallenge = {
  id: string;
  /** The two-digit number for the sign-in page to show. */
  number: number;
  expiresAt: Date;
};

/**
 * A sign-in request for the user's paired phone, bound to the flow that asks (security.md item 25).
 * The challenge lives here; a push (Web Push when the app subscribed, and the outbox outside
 * production) only wakes the app (lib/push), which then lists its pending requests. The push goes
 * after the response, so a slow push service never holds the sign-in page. One pending request per phone: a new one cancels the earlier one. Pushes are
 * limited per account (PUSH_LIMIT_PER_HOUR, item 18), so nobody is flooded into approving.
 *
 * `meta` is the signing-in browser's (its address and user agent are shown on the phone); `place`
 * an approximate location of that address, if the caller knows one.
 *
 * Throws MobileAuthError DEVICE_NOT_FOUND (not this user's MOBILE device), DEVICE_BLOCKED,
 * DEVICE_NOT_PAIRED or PUSH_RATE_LIMITED.
 */
export async function createPushChallenge(options: {
  userId: string;
  deviceId: string;
  flowExecutionId: string;
  meta: RequestMeta;
  place?: string | null;
  now?: Date;
}): Promise<CreatedPushChallenge> {
  const now = options.now ?? new Date();
  const { userId, deviceId, flowExecutionId } = options;
  const settings = config().mobile;
  await usablePairedDevice({ deviceId, userId });

  const limit = await hitFixedWindow({ key: limitKey("push:account", userId), limit: settings.pushLimitPerHour, windowSeconds: 3600, now });
  if (!limit.allowed) {
    throw new MobileAuthError(
      "PUSH_RATE_LIMITED",
      `Too many sign-in requests were sent to your phone. Try again in ${describeWait(limit.retryAfterSeconds)}, or use another device.`,
      limit.retryAfterSeconds,
    );
  }

  const { number, choices } = matchNumbers();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + (await devicePolicyFor()).pushTimeoutSeconds * 1000);
  const requestInfo = pushRequestInfo({ companyName: (await currentBranding()).companyName, ...options.meta, place: options.place ?? options.meta.location ?? null });

  const device = await db.$transaction(async (tx) => {
    // One pending request per phone, also when two sign-ins push at once, and none after a block has
    // committed (blocking takes the user's turn too). On SQLite the write lock does this.
    await serializeOn(tx, `user:${userId}`, `device:${deviceId}`);
    // Checked again in the transaction: a block that landed meanwhile must stop this push.
    const device = await usablePairedDevice({ deviceId, userId }, tx);
    await tx.pushChallenge.updateMany({ where: { deviceId, status: "PENDING" }, data: { status: "CANCELED", decidedAt: now } });
    // Nothing else cleans this table: the phone's answered requests go after a day (by its index).
    await tx.pushChallenge.deleteMany({ where: { deviceId, expiresAt: { lt: new Date(now.getTime() - KEEP_DECIDED_MS) } } });
    await tx.pushChallenge.create({
      data: { id, userId, deviceId, flowExecutionId, number, choices: JSON.stringify(choices), requestInfo: JSON.stringify(requestInfo), expiresAt, createdAt: now },
    });
    await recordAuditEvent(tx, { action: "push.sent", userId, deviceId, details: { challengeId: id, flowExecutionId }, meta: options.meta });
    return device;
  });
  await wakePhoneAfterResponse({ userId, deviceId, storedSubscription: device.pushSubscription, payload: { kind: "push-challenge", challengeId: id } });
  return { id, number, expiresAt };
}
