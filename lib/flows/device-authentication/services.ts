import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { deviceTypeLabel, type DeviceTypeName } from "@/lib/devices/device-types";
import { maskTarget } from "@/lib/devices/mask-target";
import { getDeviceForCode } from "@/lib/otp/get-device-for-code";
import { sendDevicePasscode } from "@/lib/otp/send-device-passcode";
import { verifyPasscode } from "@/lib/otp/verify-passcode";
import { verifyTotp } from "@/lib/totp/verify-totp";
import { generateAuthenticationOptionsForUser } from "@/lib/webauthn/generate-authentication-options";
import { verifyAuthentication } from "@/lib/webauthn/verify-authentication";
import { sendFlowMagicLink } from "@/lib/auth/magic-link";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { cancelPushChallenge } from "@/lib/mobile/cancel-push-challenge";
import { createPushChallenge } from "@/lib/mobile/create-push-challenge";
import { pushChallengeStatus } from "@/lib/mobile/push-challenge-status";
import { verifyMobilePasscode } from "@/lib/mobile/verify-mobile-passcode";
import { recoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { redeemRecoveryCode } from "@/lib/recovery-codes/redeem-recovery-code";
import type { DeviceAuthenticationServices } from "@/lib/flows/device-authentication/machine";

const SUPPORTED: readonly DeviceTypeName[] = ["SMS", "VOICE", "EMAIL", "TOTP", "PLATFORM", "SECURITY_KEY", "MOBILE"];

export const deviceAuthenticationServices: DeviceAuthenticationServices = {
  getUser: (userId) => db.user.findUnique({ where: { id: userId }, select: { id: true, mfaEnabled: true } }),

  requiresSecondFactor: (userId) => requiresSecondFactor(userId),

  async usableDevices(userId, allowed) {
    const devices = await db.device.findMany({
      where: { userId, status: "ACTIVE" },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    return devices
      .filter((d) => SUPPORTED.includes(d.type) && (!allowed || allowed.includes(d.type)))
      .map((d) => ({
        id: d.id,
        type: d.type,
        typeLabel: deviceTypeLabel[d.type],
        nickname: d.nickname,
        // Before the second factor only two digits of a phone number show (issue 4).
        maskedTarget: maskTarget(d.type, d.target, 2),
        isDefault: d.isDefault,
      }));
  },

  async sendPasscode({ userId, deviceId, flowId, purpose, meta, template }) {
    const device = await getDeviceForCode({ userId, deviceId, now: new Date() });
    if ((device.type !== "SMS" && device.type !== "VOICE" && device.type !== "EMAIL") || !device.target) {
      throw new AppError("NOT_FOUND", text("authentication.flow.deviceNotFound"));
    }
    await sendDevicePasscode({ userId, deviceId, flowExecutionId: flowId, purpose, type: device.type, target: device.target, meta, template });
  },
  verifyPasscode: ({ userId, deviceId, flowId, purpose, code, meta }) =>
    verifyPasscode({ userId, deviceId, flowExecutionId: flowId, purpose, code, meta }),
  verifyTotp: ({ userId, deviceId, code, meta }) => verifyTotp({ userId, deviceId, code, meta }),
  authenticationOptions: (userId, flowId, deviceId, reuseLive) =>
    generateAuthenticationOptionsForUser({ userId, flowExecutionId: flowId, deviceId, reuseLiveChallenge: reuseLive }),
  verifyAssertion: ({ userId, flowId, deviceId, response, origin, meta }) =>
    verifyAuthentication({ userId, flowExecutionId: flowId, deviceId, response: response as never, origin, meta }),
  sendMagicLink: ({ userId, flowId, meta }) => sendFlowMagicLink({ userId, flowExecutionId: flowId, meta }),
  codesSent: (flowId) => db.passcode.count({ where: { flowExecutionId: flowId } }),
  async recordUse(userId, deviceId) {
    await db.device.updateMany({ where: { id: deviceId, userId }, data: { lastUsedAt: new Date() } });
  },
  async deviceLockedUntil(userId, deviceId) {
    const device = await db.device.findFirst({ where: { id: deviceId, userId }, select: { lockedUntil: true } });
    return device?.lockedUntil && device.lockedUntil > new Date() ? device.lockedUntil : null;
  },
  sendPush: ({ userId, deviceId, flowId, meta }) => createPushChallenge({ userId, deviceId, flowExecutionId: flowId, meta }),
  pushStatus: ({ userId, flowId }) => pushChallengeStatus({ userId, flowExecutionId: flowId }),
  async cancelPush({ userId, flowId }) {
    await cancelPushChallenge({ userId, flowExecutionId: flowId });
  },
  verifyMobilePasscode: ({ userId, deviceId, code, meta }) => verifyMobilePasscode({ userId, deviceId, code, meta }),
  async recoveryCodes(userId) {
    const status = await recoveryCodeStatus({ userId });
    return { left: status.left, lockedUntil: status.lockedUntil ? new Date(status.lockedUntil) : null };
  },
  redeemRecoveryCode: ({ userId, code, meta }) => redeemRecoveryCode({ userId, code, meta }),
};
