import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { confirmPassword, isRecentlyAuthenticated } from "@/lib/auth/confirm-password";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { eligibleDeviceTypes } from "@/lib/devices/eligible-device-types";
import { createPendingDevice, deletePendingDevice } from "@/lib/devices/create-pending-device";
import { activateDevice } from "@/lib/devices/activate-device";
import { maskTarget } from "@/lib/devices/mask-target";
import { deviceTypeLabel } from "@/lib/devices/device-types";
import { sendDevicePasscode } from "@/lib/otp/send-device-passcode";
import { verifyPasscode } from "@/lib/otp/verify-passcode";
import { parsePhone } from "@/lib/phone/parse-phone";
import { createTotpSecret } from "@/lib/totp/create-totp-secret";
import { totpQrDataUrl, totpUri } from "@/lib/totp/totp-uri";
import { verifyTotp } from "@/lib/totp/verify-totp";
import { generateRegistrationOptionsForUser } from "@/lib/webauthn/generate-registration-options";
import { verifyRegistration } from "@/lib/webauthn/verify-registration";
import { startPairing } from "@/lib/mobile/start-pairing";
import { pairingStatus } from "@/lib/mobile/pairing-status";
import { seal, unseal } from "@/lib/crypto/sealed-secret";
import { issueRecoveryCodesForFirstDevice } from "@/lib/recovery-codes/replace-recovery-codes";
import { openRecoveryCodes, sealRecoveryCodes } from "@/lib/recovery-codes/sealed-recovery-codes";
import type { DeviceRegistrationServices } from "@/lib/flows/device-registration/machine";

/**
 * A first name for a new device; the user can rename it in the device list. Names show at the second
 * factor, where a number shows only its last two digits (issue 4), so the name gives away no more.
 */
function defaultNickname(type: keyof typeof deviceTypeLabel, target: string | null) {
  if (target && (type === "SMS" || type === "VOICE")) return `Phone ending ${target.slice(-2)}`;
  if (target && type === "EMAIL") return target;
  return deviceTypeLabel[type];
}

export const deviceRegistrationServices: DeviceRegistrationServices = {
  getUser: (userId) => db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } }),
  isRecentlyAuthenticated: (sessionId) => isRecentlyAuthenticated({ sessionId }),
  confirmPassword: (userId, sessionId, password, meta) => confirmPassword({ userId, sessionId, password, meta }),
  requiresSecondFactor: (userId) => requiresSecondFactor(userId),
  eligibility: (userId, allowedDeviceTypes, browser) => eligibleDeviceTypes({ userId, allowedDeviceTypes, browser }),
  async emailDeviceTargets(userId) {
    const devices = await db.device.findMany({ where: { userId, type: "EMAIL", status: { in: ["ACTIVE", "BLOCKED"] } }, select: { target: true } });
    return devices.flatMap((d) => (d.target ? [d.target.toLowerCase()] : []));
  },
  parsePhone(input, country, type) {
    const parsed = parsePhone({ input, defaultCountry: country, channel: type === "SMS" ? "sms" : "voice" });
    if (parsed.ok) return { ok: true, e164: parsed.e164 };
    const field = parsed.texts.country ? "country" : "phone";
    return { ok: false, field, message: parsed.texts[field] ?? text("registration.phone.errors.invalid") };
  },
  createPendingDevice: (userId, type, target, nickname) =>
    createPendingDevice({
      userId,
      type,
      target: target ?? undefined,
      nickname: nickname ?? defaultNickname(type, target),
      totpSecret: type === "TOTP" ? createTotpSecret() : undefined,
    }),
  deletePendingDevice: (userId, deviceId) => deletePendingDevice({ userId, deviceId }),
  sendPasscode: ({ userId, deviceId, flowId, type, target, meta, template }) =>
    sendDevicePasscode({ userId, deviceId, flowExecutionId: flowId, purpose: "enrolment", type, target, meta, template }),
  verifyPasscode: ({ userId, deviceId, flowId, code, meta }) =>
    verifyPasscode({ userId, deviceId, flowExecutionId: flowId, purpose: "enrolment", code, meta }),
  verifyTotp: ({ userId, deviceId, code, meta }) => verifyTotp({ userId, deviceId, code, meta }),
  async totpEnrolment(userId, deviceId) {
    const device = await db.device.findFirst({
      where: { id: deviceId, userId, type: "TOTP", status: "ACTIVATION_REQUIRED" },
      select: { totpSecret: true, user: { select: { email: true } } },
    });
    if (!device?.totpSecret) throw new AppError("NOT_FOUND", text("registration.errors.noLongerPending"));
    const uri = totpUri({ secret: device.totpSecret, issuer: (await currentBranding()).companyName, accountName: device.user.email });
    return { uri, qrDataUrl: await totpQrDataUrl(uri), secret: device.totpSecret };
  },
  activateDevice: async (userId, deviceId, meta) => {
    await activateDevice({ userId, deviceId, meta });
  },
  registrationOptions: (userId, flowId, type, options) =>
    generateRegistrationOptionsForUser({ userId, flowExecutionId: flowId, type, rpName: options?.rpName, reuseLiveChallenge: options?.reuseLive }),
  verifyRegistration: ({ userId, flowId, type, response, nickname, origin, meta }) =>
    verifyRegistration({ userId, flowExecutionId: flowId, type, response: response as never, nickname, origin, meta }),
  maskTarget: (type, target) => maskTarget(type, target) ?? "",
  async startPairing({ userId, deviceId, flowId }) {
    const started = await startPairing({ userId, deviceId, flowExecutionId: flowId });
    // The flow's state keeps the key sealed: the page shows it on every view until it is used.
    return { sealed: seal("pairing-key", JSON.stringify({ pairingKey: started.pairingKey, qrUrl: started.qrUrl })), expiresAt: started.expiresAt };
  },
  async pairingView({ userId, deviceId, flowId, sealed }) {
    const status = await pairingStatus({ userId, deviceId, flowExecutionId: flowId });
    if (status.status !== "PENDING") return { status: status.status };
    const opened = unseal("pairing-key", sealed);
    const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!opened || !user) return { status: "EXPIRED" };
    const { pairingKey, qrUrl } = JSON.parse(opened) as { pairingKey: string; qrUrl: string };
    return { status: "PENDING", pairingKey, qrUrl, qrDataUrl: await totpQrDataUrl(qrUrl), expiresAt: status.expiresAt, account: user.email };
  },
  maxResends: async () => (await devicePolicyFor()).maxResends,
  async recoveryCodesForFirstDevice(userId, meta) {
    const codes = await issueRecoveryCodesForFirstDevice({ userId, meta });
    return codes ? sealRecoveryCodes(codes) : null;
  },
  openRecoveryCodes: (sealed) => openRecoveryCodes(sealed),
};
