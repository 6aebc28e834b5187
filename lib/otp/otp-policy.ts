import "server-only";
import { devicePolicyFor } from "@/lib/policy/device-policy";

export type OtpPolicy = {
  length: number;
  ttlMinutes: number;
  /** Wrong guesses one passcode survives. */
  maxAttempts: number;
  /** Failed attempts per device and per account before the devices lock. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Codes sent per hour, per account and per destination. */
  sendLimitPerHour: number;
};

/**
 * The passcode and lockout rules of the device authentication policy, as saved now (a change applies
 * to the next code). Callers may override single values; the tests do, to isolate one rule.
 */
export async function otpPolicy(overrides?: Partial<OtpPolicy>): Promise<OtpPolicy> {
  const policy = await devicePolicyFor();
  return {
    length: policy.passcodeLength,
    ttlMinutes: policy.passcodeLifetimeMinutes,
    maxAttempts: policy.passcodeAttempts,
    lockoutThreshold: policy.lockoutThreshold,
    lockoutMinutes: policy.lockoutMinutes,
    sendLimitPerHour: policy.passcodesPerHour,
    ...overrides,
  };
}
