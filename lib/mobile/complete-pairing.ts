import "server-only";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import type { AuthenticatorErrorCode } from "@/lib/authenticator-protocol/errors";
import type { PairRequest, PairResponse } from "@/lib/authenticator-protocol/client";
import { canonicalPublicKey, isInstallationId } from "@/lib/authenticator-protocol/keys";
import { parsePairingKey } from "@/lib/authenticator-protocol/pairing-key";
import { PASSCODE_DIGITS, PASSCODE_PERIOD_SECONDS } from "@/lib/authenticator-protocol/passcode";
import { activatePendingDevice, notifyActivation } from "@/lib/devices/activate-device";
import { maskEmail } from "@/lib/devices/mask-target";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { hitFixedWindow, releaseFixedWindowHit } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";
import { pairingKeyHash } from "@/lib/otp/keyed-hash";
import { createTotpSecret } from "@/lib/totp/create-totp-secret";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "@/lib/totp/totp-parameters";
import { MobileAuthError } from "@/lib/mobile/mobile-error";

// The app computes passcodes with the protocol module, the server checks them with lib/totp: one set of parameters.
if (PASSCODE_DIGITS !== TOTP_DIGITS || PASSCODE_PERIOD_SECONDS !== TOTP_PERIOD_SECONDS) {
  throw new Error("The mobile passcode's parameters differ from lib/totp's.");
}

const HOUR_SECONDS = 3600;

/**
 * The phone's half of pairing: it sends the pairing key (typed, with the account's email, or the QR
 * code's secret), the public key of the key pair it made, and its installation id. The key is spent by
 * one conditional UPDATE, in the same transaction that stores the public key and activates the device
 * (through activate-device.ts, with the audit rows and notification every device gets), so of any
 * number of phones presenting one key exactly one pairs (security.md items 3, 19); the others hear
 * PAIRING_KEY_USED. Only the public key is stored (item 20).
 *
 * Wrong keys are counted per client address (PAIRING_FAILURES_PER_ADDRESS_PER_HOUR): each attempt takes
 * a hit before the key is looked up, so parallel guesses cannot all get under the limit, and a
 * pairing that succeeds gives its hit back.
 *
 * Throws MobileAuthError: PAIRING_KEY_UNKNOWN, PAIRING_KEY_USED, PAIRING_KEY_EXPIRED,
 * PAIRING_RATE_LIMITED, INVALID_PUBLIC_KEY, INVALID_REQUEST.
 */
export async function completePairing(options: PairRequest & { meta: RequestMeta; now?: Date }): Promise<PairResponse> {
  const now = options.now ?? new Date();
  const parsed = typeof options.key === "string" ? parsePairingKey(options.key) : null;
  const account = typeof options.account === "string" ? options.account.trim().toLowerCase() : "";
  if (!isInstallationId(options.installationId)) throw new MobileAuthError("INVALID_REQUEST");
  if (parsed?.kind === "typed" && account === "") {
    throw new MobileAuthError("INVALID_REQUEST", "Enter the email address of your account next to the pairing key.");
  }
  const publicKey = await canonicalPublicKey(options.publicKey).catch(() => {
    throw new MobileAuthError("INVALID_PUBLIC_KEY");
  });
  // Not the shape of any key: a slip, not a guess; it could match nothing.
  if (!parsed) throw new MobileAuthError("PAIRING_KEY_UNKNOWN");

  const addressKey = limitKey("pairing:address", options.meta.ip ?? null);
  const hit = await hitFixedWindow({
    key: addressKey,
    limit: config().mobile.pairingFailuresPerAddressPerHour,
    windowSeconds: HOUR_SECONDS,
    now,
  });
  if (!hit.allowed) {
    throw new MobileAuthError(
      "PAIRING_RATE_LIMITED",
      `Too many wrong pairing keys from your network. Try again in ${describeWait(hit.retryAfterSeconds)}.`,
      hit.retryAfterSeconds,
    );
  }

  const hash = parsed.kind === "typed" ? pairingKeyHash("typed", parsed.key) : pairingKeyHash("qr", parsed.secret);
  const key = await db.pairingKey.findUnique({
    where: parsed.kind === "typed" ? { typedKeyHash: hash } : { qrSecretHash: hash },
    select: { id: true, userId: true, deviceId: true, user: { select: { email: true, username: true } } },
  });
  // A typed key counts only for the account it is typed with, so a guess aims at one account.
  const accountMatches = parsed.kind === "qr" || (key !== null && (key.user.email === account || key.user.username?.toLowerCase() === account));
  if (!key || !accountMatches) throw new MobileAuthError("PAIRING_KEY_UNKNOWN");

  const passcodeSeed = createTotpSecret();
  type Outcome = { refused: AuthenticatorErrorCode } | { activated: Awaited<ReturnType<typeof activatePendingDevice>> };
  const outcome = await db.$transaction(async (tx): Promise<Outcome> => {
    // The user's turn first (the default rule and MFA switch read then write), then the key's UPDATE.
    await serializeOn(tx, `user:${key.userId}`);
    const spent = await tx.pairingKey.updateMany({
      where: { id: key.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) {
      const row = await tx.pairingKey.findUnique({ where: { id: key.id }, select: { usedAt: true } });
      const reason: AuthenticatorErrorCode = row?.usedAt ? "PAIRING_KEY_USED" : "PAIRING_KEY_EXPIRED";
      await recordAuditEvent(tx, {
        action: "device.pairing_refused",
        userId: key.userId,
        deviceId: key.deviceId,
        details: { reason, installationId: options.installationId },
        meta: options.meta,
      });
      return { refused: reason };
    }
    const stored = await tx.device.updateMany({
      where: { id: key.deviceId, userId: key.userId, type: "MOBILE", status: "ACTIVATION_REQUIRED" },
      data: { publicKey, installationId: options.installationId, pairedAt: now, totpSecret: passcodeSeed, totpLastStep: null },
    });
    // The device was activated or removed since the key was made: the key is spent all the same.
    if (stored.count !== 1) return { refused: "PAIRING_KEY_EXPIRED" };
    const activated = await activatePendingDevice(tx, { userId: key.userId, deviceId: key.deviceId, meta: options.meta });
    await recordAuditEvent(tx, {
      action: "device.paired",
      userId: key.userId,
      deviceId: key.deviceId,
      details: { via: parsed.kind === "typed" ? "typed key" : "QR code", installationId: options.installationId },
      meta: options.meta,
    });
    return { activated };
  });
  if ("refused" in outcome) throw new MobileAuthError(outcome.refused);

  await releaseFixedWindowHit(addressKey);
  await notifyActivation(outcome.activated);
  return {
    deviceId: key.deviceId,
    companyName: (await currentBranding()).companyName,
    account: maskEmail(outcome.activated.email),
    passcode: { seed: passcodeSeed, algorithm: "SHA1", digits: 6, periodSeconds: 30 },
  };
}
