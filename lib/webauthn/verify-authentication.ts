import "server-only";
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { applyDefaultRule } from "@/lib/devices/apply-default-rule";
import type { DeviceTypeName } from "@/lib/devices/device-types";
import { deviceText, notifyAccountChange } from "@/lib/notify/notify-account-change";
import { allowedTopOrigins } from "@/lib/webauthn/allowed-top-origins";
import { consumeChallenge } from "@/lib/webauthn/challenges";
import { isExpectedFrame, parseTransports, readClientData, userHandleMatches, WEBAUTHN_DEVICE_TYPES } from "@/lib/webauthn/credential-data";
import { expectedOrigin, relyingParty, requiresUserVerification } from "@/lib/webauthn/relying-party";
import { isCounterRegression } from "@/lib/webauthn/signature-counter";
import { deviceLockedMessage } from "@/lib/otp/messages";
import { text } from "@/lib/i18n/text";

export { isCounterRegression };

export const CLONE_BLOCKED_REASON = "possible clone: signature counter went backwards";

const expired = () => new AppError("EXPIRED", text("authentication.webauthn.expired"));
const unverified = (cause?: unknown) => {
  const error = new AppError("VALIDATION", text("authentication.webauthn.unverified"));
  // Kept for the log at the action boundary; the library's message never reaches the browser.
  if (cause !== undefined) error.cause = cause;
  return error;
};
// One answer for unknown, foreign and unfinished credentials, so none can be told apart (item 11, 15).
const unknownCredential = () => new AppError("NOT_FOUND", text("authentication.webauthn.unknownCredential"));
const blocked = () => new AppError("FORBIDDEN", text("authentication.webauthn.blocked"));
const cloneBlocked = () =>
  new AppError("FORBIDDEN", text("authentication.webauthn.cloneBlocked"));

type StoredCredential = { id: string; userId: string; type: DeviceTypeName; nickname: string };

/**
 * Checks a passkey or security-key assertion. The challenge is spent first, so a replayed assertion
 * fails (security.md item 13); the credential is looked up by its id AND the user, so another user's
 * credential is "not found" (item 15); a blocked or unfinished device fails (item 10); origin and RP
 * ID must be exact (item 14); user verification is enforced as the policy says and its flag recorded
 * (item 16); a signature counter that went backwards blocks the device and tells the user (item 17).
 *
 * With `userId` null (discoverable passkey sign-in) the credential's owner is the user, and the
 * response's user handle must be the one we created for them. Returns who signed in, with what.
 */
export async function verifyAuthentication(options: {
  userId: string | null;
  flowExecutionId: string;
  response: AuthenticationResponseJSON;
  meta: RequestMeta;
  /** The origin the ceremony ran on, when an API application names its own (lib/webauthn/relying-party.ts). */
  origin?: string;
  /** When the flow asked for one device, the assertion must come from that device. */
  deviceId?: string;
  now?: Date;
}): Promise<{ userId: string; deviceId: string; userVerified: boolean }> {
  const { userId, flowExecutionId, response, meta } = options;
  const now = options.now ?? new Date();
  // Checked first: a refused origin costs the caller nothing, not even the challenge.
  const origin = expectedOrigin(options.origin);
  const clientData = readClientData(response?.response?.clientDataJSON);
  if (!clientData) throw unverified();
  const spent = await consumeChallenge({ userId, flowExecutionId, ceremony: "authentication", challenge: clientData.challenge, now });
  if (!spent) throw expired();
  const topOrigins = await allowedTopOrigins({ flowExecutionId });
  if (!isExpectedFrame(clientData, topOrigins)) throw unverified();

  const credentialId = typeof response.id === "string" ? isoBase64URL.trimPadding(response.id) : "";
  if (credentialId === "") throw unknownCredential();
  const device = await db.device.findFirst({
    where: { credentialId, type: { in: [...WEBAUTHN_DEVICE_TYPES] }, ...(userId === null ? {} : { userId }) },
    select: { id: true, userId: true, type: true, nickname: true, status: true, credentialPublicKey: true, signCount: true, transports: true, lockedUntil: true },
  });
  if (!device || device.credentialPublicKey === null) throw unknownCredential();
  if (options.deviceId !== undefined && device.id !== options.deviceId) throw unknownCredential();
  // Authenticators return the handle for discoverable credentials; a sign-in that starts from the
  // credential alone needs it to name the account, and wherever it is sent it must be the owner's.
  const userHandle = response.response.userHandle || undefined;
  if (userId === null && userHandle === undefined) throw unverified();
  if (userHandle !== undefined && !userHandleMatches(userHandle, device.userId)) throw unknownCredential();
  if (device.status === "BLOCKED") throw blocked();
  if (device.status !== "ACTIVE") throw unknownCredential();
  // Wrong codes never lock a passkey (nobody can guess one), but an administrator can, until a date:
  // also for a passkey sign-in, which starts from the credential and meets no flow that checks first.
  if (device.lockedUntil && device.lockedUntil > now) throw new AppError("LOCKED", deviceLockedMessage(device.lockedUntil, true));

  const rp = relyingParty();
  let info;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: clientData.challenge,
      expectedOrigin: origin,
      expectedRPID: rp.id,
      ...(topOrigins.length > 0 ? { expectedTopOrigin: topOrigins } : {}),
      // Counter 0 turns off the library's own counter check, which throws before the signature is
      // checked: a forged assertion must not be able to block someone's device. The rule runs below,
      // on a verified signature only.
      credential: {
        id: credentialId,
        publicKey: new Uint8Array(device.credentialPublicKey),
        counter: 0,
        transports: parseTransports(device.transports),
      },
      requireUserVerification: await requiresUserVerification(),
    });
    if (!verification.verified) throw new Error("Signature was not verified");
    info = verification.authenticationInfo;
  } catch (error) {
    throw unverified(error);
  }

  const reported = info.newCounter;
  if (isCounterRegression(device.signCount, reported)) {
    await blockSuspectedClone({ device, stored: device.signCount, reported, meta });
    throw cloneBlocked();
  }

  const owner = device.userId;
  const recorded = await db.$transaction(async (tx) => {
    // Conditional on the state just checked: a device blocked meanwhile fails now (item 10), and of
    // two assertions racing with the same counter only one gets through.
    const { count } = await tx.device.updateMany({
      where: { id: device.id, userId: owner, status: "ACTIVE", signCount: reported === 0 ? 0 : { lt: reported } },
      data: {
        signCount: reported,
        lastUsedAt: now,
        userVerified: info.userVerified,
        backedUp: info.credentialBackedUp,
        failedAttempts: 0,
      },
    });
    if (count === 1) await tx.user.updateMany({ where: { id: owner }, data: { failedMfaAttempts: 0 } });
    return count === 1;
  });
  if (!recorded) {
    const current = await db.device.findFirst({ where: { id: device.id, userId: owner }, select: { status: true, signCount: true } });
    if (!current) throw unknownCredential();
    if (current.status === "BLOCKED") throw blocked();
    if (current.status !== "ACTIVE") throw unknownCredential();
    // Another assertion of this credential got there first with a counter at least as high.
    await blockSuspectedClone({ device, stored: current.signCount, reported, meta });
    throw cloneBlocked();
  }
  return { userId: owner, deviceId: device.id, userVerified: info.userVerified };
}

/**
 * Blocks a device whose counter went backwards, audits why, and tells the user by email (an existing
 * channel, security.md item 9). Only the request that actually blocks it audits and notifies.
 */
async function blockSuspectedClone(options: { device: StoredCredential; stored: number; reported: number; meta: RequestMeta }) {
  const { device, stored, reported, meta } = options;
  const email = await db.$transaction(async (tx) => {
    await serializeOn(tx, `user:${device.userId}`);
    const { count } = await tx.device.updateMany({
      where: { id: device.id, userId: device.userId, status: { not: "BLOCKED" } },
      data: { status: "BLOCKED", blockedReason: CLONE_BLOCKED_REASON, isDefault: false },
    });
    if (count === 0) return null;
    await applyDefaultRule(tx, device.userId);
    const details = { type: device.type, nickname: device.nickname };
    await recordAuditEvent(tx, {
      action: "device.clone_suspected",
      userId: device.userId,
      deviceId: device.id,
      details: { ...details, storedCounter: stored, reportedCounter: reported },
      meta,
    });
    await recordAuditEvent(tx, { action: "device.blocked", userId: device.userId, deviceId: device.id, details: { ...details, reason: CLONE_BLOCKED_REASON }, meta });
    const user = await tx.user.findUniqueOrThrow({ where: { id: device.userId }, select: { email: true } });
    return user.email;
  });
  if (email === null) return;
  try {
    await notifyAccountChange({ email, action: "device.blocked", deviceLabel: deviceText(device) });
  } catch (error) {
    // The block stands either way; the person at the keyboard still has to hear why they were refused.
    console.error("Clone-suspected notification not sent", error);
  }
}
