import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { OtpPolicy } from "@/lib/otp/otp-policy";
import { verifyTotp, type VerifyTotpResult } from "@/lib/totp/verify-totp";

/**
 * The Mobile Passcode Flow's check: the code the paired app shows (TOTP over the seed it was given at
 * pairing), checked exactly like an authenticator app's code by lib/totp/verify-totp.ts: against the
 * server's clock, one step of drift, once per step, with the shared attempt counts and lockout
 * (security.md items 4, 6). Only an ACTIVE, paired MOBILE device of the user is checked.
 *
 * Throws AppError "LOCKED", "FORBIDDEN" (blocked) or "NOT_FOUND" (not this user's paired phone).
 */
export async function verifyMobilePasscode(options: {
  userId: string;
  deviceId: string;
  code: string;
  now?: Date;
  policy?: Partial<Pick<OtpPolicy, "lockoutThreshold" | "lockoutMinutes">>;
  meta?: RequestMeta;
}): Promise<VerifyTotpResult> {
  return verifyTotp({ ...options, deviceType: "MOBILE" });
}
