import "server-only";
import { config } from "@/lib/config";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { formatPairingKey, pairingUrl } from "@/lib/authenticator-protocol/pairing-key";
import { pairingKeyHash } from "@/lib/otp/keyed-hash";
import { isUniqueViolation } from "@/lib/rate-limit/fixed-window";
import { generateQrSecret, generateTypedPairingKey } from "@/lib/mobile/pairing-secrets";

/** Used and expired keys are kept this long, so a late phone hears "used" or "expired", then swept. */
const KEEP_SPENT_KEYS_MS = 24 * 3600 * 1000;

export type StartedPairing = {
  /** The typed key as shown, "XXXXX-XXXXX"; typed in the app next to the account's email. */
  pairingKey: string;
  /** The QR code's secret (base64url); it is in `qrUrl`'s fragment. */
  qrSecret: string;
  /** What the QR code holds: `${APP_URL}/authenticator/pair#${qrSecret}`. */
  qrUrl: string;
  expiresAt: Date;
};

/**
 * Hands out the pairing key of a MOBILE device that waits for its phone (ACTIVATION_REQUIRED), bound
 * to the flow that registers it. Only keyed hashes are stored; the key is single use and expires within
 * PAIRING_KEY_TTL_MINUTES (at most 10, security.md item 19). Starting again voids the device's earlier
 * keys, so only the newest one shown works.
 *
 * Throws AppError NOT_FOUND when the device is not this user's pending MOBILE device.
 */
export async function startPairing(options: { userId: string; deviceId: string; flowExecutionId: string; now?: Date }): Promise<StartedPairing> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + config().mobile.pairingKeyTtlMinutes * 60_000);
  // A new key that happens to equal a stored one (2^-50 for a typed key) breaks the unique index: draw again.
  for (let round = 0; ; round++) {
    const typedKey = generateTypedPairingKey();
    const qrSecret = generateQrSecret();
    try {
      await db.$transaction(async (tx) => {
        await serializeOn(tx, `user:${options.userId}`);
        const device = await tx.device.findFirst({
          where: { id: options.deviceId, userId: options.userId, type: "MOBILE", status: "ACTIVATION_REQUIRED" },
          select: { id: true },
        });
        if (!device) throw new AppError("NOT_FOUND", text("registration.errors.noLongerPending"));
        await tx.pairingKey.updateMany({
          where: { deviceId: device.id, usedAt: null, expiresAt: { gt: now } },
          data: { expiresAt: now },
        });
        // Nothing else cleans this table.
        await tx.pairingKey.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_SPENT_KEYS_MS) } } });
        await tx.pairingKey.create({
          data: {
            userId: options.userId,
            deviceId: device.id,
            flowExecutionId: options.flowExecutionId,
            typedKeyHash: pairingKeyHash("typed", typedKey),
            qrSecretHash: pairingKeyHash("qr", qrSecret),
            expiresAt,
            createdAt: now,
          },
        });
      });
    } catch (error) {
      if (round < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
    return { pairingKey: formatPairingKey(typedKey), qrSecret, qrUrl: pairingUrl(config().appUrl, qrSecret), expiresAt };
  }
}
