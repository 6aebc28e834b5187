import "server-only";
import { Secret, TOTP } from "otpauth";

/**
 * What every authenticator app understands: SHA-1, 6 digits, a new code every 30 seconds. The check
 * accepts the current step and one step either side (TOTP_WINDOW), so a code works for 60 to 90 seconds
 * in all, which covers a phone clock that is up to 30 seconds off and the time it takes to type. Only the
 * server's clock is used (security.md item 4).
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = "SHA1";
export const TOTP_WINDOW = 1;
/** 160 bits, the size RFC 4226 recommends and NIST's minimum for the shared secret. */
export const TOTP_SECRET_BYTES = 20;

export function totpFor(options: { secret: string; issuer?: string; accountName?: string }): TOTP {
  return new TOTP({
    secret: Secret.fromBase32(options.secret),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    ...(options.accountName === undefined ? {} : { label: options.accountName }),
  });
}

/** The time step a moment falls in (RFC 6238's T). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}
