import "server-only";
import { deviceManagementServices } from "@/lib/flows/device-management/services";
import type { ReAuthenticationServices } from "@/lib/flows/re-authentication/machine";

// The step-up is the device-management flow's, to the function: one rule for "fresh enough".
const { applyStepUp, confirmPassword, requiresSecondFactor, stepUpRules } = deviceManagementServices;

export const reAuthenticationServices: ReAuthenticationServices = {
  applyStepUp,
  confirmPassword,
  requiresSecondFactor,
  stepUpRules,
};
