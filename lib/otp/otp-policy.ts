import "server-only";
import { config } from "@/lib/config";

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

/** The configured policy. Callers may override single values; the tests do, to isolate one rule. */
export function otpPolicy(overrides?: Partial<OtpPolicy>): OtpPolicy {
  const { otp, lockout } = config();
  return {
    length: otp.length,
    ttlMinutes: otp.ttlMinutes,
    maxAttempts: otp.maxAttempts,
    lockoutThreshold: lockout.threshold,
    lockoutMinutes: lockout.minutes,
    sendLimitPerHour: otp.sendLimitPerHour,
    ...overrides,
  };
}
