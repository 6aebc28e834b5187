import "server-only";
import { serializeOn } from "@/lib/database/serialize-on";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { generatePasscode } from "@/lib/otp/generate-passcode";
import { destinationKey, hashPasscode } from "@/lib/otp/keyed-hash";
import { getDeviceForCode } from "@/lib/otp/get-device-for-code";
import { rateLimitedMessage } from "@/lib/otp/messages";
import { otpPolicy, type OtpPolicy } from "@/lib/otp/otp-policy";
import type { PasscodePurpose } from "@/lib/otp/passcode-purpose";

const HOUR = 60 * 60 * 1000;

export type IssuePasscodeOptions = {
  userId: string;
  /** The device the code goes to; omit only for a code that belongs to no device yet. */
  deviceId?: string;
  flowExecutionId: string;
  purpose: PasscodePurpose;
  /** The E.164 number or email the caller will deliver to; counted for the per-destination limit. */
  destination: string;
  now?: Date;
  policy?: Partial<OtpPolicy>;
  meta?: RequestMeta;
};

/**
 * Creates a passcode bound to this user, flow, purpose (and device), and returns the code for the caller
 * to deliver; only its keyed hash is stored. An earlier code of the same flow and purpose stops working,
 * so only the newest one sent is ever valid. The flow limits resends (`canResend`); this limits sends per
 * account and per destination per hour, which also stops one number being flooded from many accounts.
 */
export async function issuePasscode(options: IssuePasscodeOptions): Promise<{ passcodeId: string; code: string; expiresAt: Date }> {
  const policy = await otpPolicy(options.policy);
  const now = options.now ?? new Date();
  const { userId, deviceId, flowExecutionId, purpose } = options;
  const code = generatePasscode(policy.length);
  const expiresAt = new Date(now.getTime() + policy.ttlMinutes * 60_000);
  const destination = destinationKey(options.destination);

  // One transaction that takes its turn per account and per destination, so parallel sends (on any
  // instance) cannot all pass the count before any of them is logged.
  return db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${userId}`, `destination:${destination}`);
    if (deviceId !== undefined) await getDeviceForCode({ userId, deviceId, now }, tx);
    await enforceSendLimits(tx, { userId, destination, now, limit: policy.sendLimitPerHour });

    await tx.passcode.updateMany({
      where: { userId, flowExecutionId, purpose, consumedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const passcode = await tx.passcode.create({
      data: { userId, deviceId: deviceId ?? null, flowExecutionId, purpose, codeHash: hashPasscode(code), expiresAt, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      action: "otp.sent",
      userId,
      deviceId,
      details: { purpose, flowExecutionId },
      destination,
      meta: options.meta,
    });
    return { passcodeId: passcode.id, code, expiresAt };
  });
}

/**
 * Counts the send log (the "otp.sent" audit events) rather than Passcode rows: passcodes go with their
 * device when it is deleted, and a flow that deletes and re-creates the device on resend would otherwise
 * start from zero each time. Both counts read an index range, (userId, createdAt) and (destination,
 * createdAt), so their cost does not grow with the audit log; they run inside the passcode transaction,
 * after its turn for this account and destination (serializeOn), so no parallel send is counted twice.
 */
async function enforceSendLimits(tx: Tx, options: { userId: string; destination: string; now: Date; limit: number }) {
  const since = new Date(options.now.getTime() - HOUR);
  const windows = [
    { action: "otp.sent", createdAt: { gte: since }, userId: options.userId },
    { action: "otp.sent", createdAt: { gte: since }, destination: options.destination },
  ];
  for (const where of windows) {
    const sent = await tx.auditEvent.findMany({
      where,
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
      take: options.limit,
    });
    // Below the limit again once the oldest of the newest `limit` sends leaves the window.
    const oldest = sent.length >= options.limit ? sent[options.limit - 1] : undefined;
    if (oldest) throw new AppError("RATE_LIMITED", rateLimitedMessage(new Date(oldest.createdAt.getTime() + HOUR)));
  }
}
