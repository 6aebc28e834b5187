import "server-only";
import { db } from "@/lib/db";
import { listDevices } from "@/lib/devices/list-devices";
import { getOwnDeviceSummary } from "@/lib/devices/get-own-device";
import { isLastActiveDevice, removeDevice } from "@/lib/devices/remove-device";
import { renameDevice } from "@/lib/devices/rename-device";
import { setDefaultDevice } from "@/lib/devices/set-default-device";
import { blockDevice, unblockDevice } from "@/lib/devices/block-device";
import { setMfaEnabled } from "@/lib/devices/set-mfa-enabled";
import { whyNoNewDevice } from "@/lib/devices/eligible-device-types";
import { confirmPassword, isRecentlyAuthenticated } from "@/lib/auth/confirm-password";
import { applyStepUp } from "@/lib/auth/complete-authentication-flow";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { recoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { replaceRecoveryCodes } from "@/lib/recovery-codes/replace-recovery-codes";
import { openRecoveryCodes, sealRecoveryCodes } from "@/lib/recovery-codes/sealed-recovery-codes";
import type { DeviceManagementServices } from "@/lib/flows/device-management/machine";

export const deviceManagementServices: DeviceManagementServices = {
  getUser: (userId) =>
    db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, username: true, mfaEnabled: true } }),
  listDevices: (userId) => listDevices({ userId }),
  getOwnDevice: (userId, deviceId) => getOwnDeviceSummary({ userId, deviceId }),
  isLastActiveDevice: (userId, deviceId) => isLastActiveDevice({ userId, deviceId }),
  whyNoNewDevice: (userId, existing) => whyNoNewDevice({ userId, existing }),
  setMfaEnabled: (userId, enabled, meta) => setMfaEnabled({ userId, enabled, meta }),
  renameDevice: (userId, deviceId, nickname, meta) => renameDevice({ userId, deviceId, nickname, meta }),
  setDefaultDevice: (userId, deviceId, meta) => setDefaultDevice({ userId, deviceId, meta }),
  blockDevice: (userId, deviceId, meta) => blockDevice({ userId, deviceId, meta }),
  unblockDevice: (userId, deviceId, meta) => unblockDevice({ userId, deviceId, meta }),
  removeDevice: (userId, deviceId, meta) => removeDevice({ userId, deviceId, meta }),
  isRecentlyAuthenticated: (sessionId) => isRecentlyAuthenticated({ sessionId }),
  applyStepUp: (sessionId, subflowId, meta) => applyStepUp({ flowId: subflowId, sessionId, meta }),
  confirmPassword: (userId, sessionId, password, meta) => confirmPassword({ userId, sessionId, password, meta }),
  requiresSecondFactor: (userId) => requiresSecondFactor(userId),
  recoveryCodes: (userId) => recoveryCodeStatus({ userId }),
  newRecoveryCodes: async (userId, meta) => sealRecoveryCodes(await replaceRecoveryCodes({ userId, reason: "regenerated", meta })),
  openRecoveryCodes: (sealed) => openRecoveryCodes(sealed),
  async stepUpRules() {
    const policy = await devicePolicyFor();
    return { maxResend: policy.maxResends, allowOtpFallback: policy.pushOtpFallback };
  },
};
