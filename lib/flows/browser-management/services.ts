import "server-only";
import {
  blockDeviceKey,
  forgetDeviceKey,
  forgetOtherDeviceKeys,
  getDeviceKey,
  listDeviceKeys,
  renameDeviceKey,
  unblockDeviceKey,
} from "@/lib/device-keys/manage-device-keys";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { deviceManagementServices } from "@/lib/flows/device-management/services";
import type { BrowserManagementServices } from "@/lib/flows/browser-management/machine";

// The step-up is the device-management flow's, to the function: one rule for "fresh enough".
const { isRecentlyAuthenticated, applyStepUp, confirmPassword, requiresSecondFactor } = deviceManagementServices;

export const browserManagementServices: BrowserManagementServices = {
  listBrowsers: (userId) => listDeviceKeys(userId),
  getOwnBrowser: (userId, keyId) => getDeviceKey({ userId, keyId }),
  renameBrowser: (userId, keyId, displayName, meta) => renameDeviceKey({ userId, keyId, displayName, meta }),
  blockBrowser: (userId, keyId, meta) => blockDeviceKey({ userId, keyId, meta }),
  unblockBrowser: (userId, keyId, meta) => unblockDeviceKey({ userId, keyId, meta }),
  forgetBrowser: (userId, keyId, meta) => forgetDeviceKey({ userId, keyId, meta }),
  forgetOtherBrowsers: (userId, keepKeyId, meta) => forgetOtherDeviceKeys({ userId, keepKeyId, meta }),
  isRecentlyAuthenticated,
  applyStepUp,
  confirmPassword,
  requiresSecondFactor,
  stepUpRules: deviceManagementServices.stepUpRules,
  rememberDays: async () => (await devicePolicyFor()).rememberBrowserDays,
};
