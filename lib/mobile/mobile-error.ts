import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { AUTHENTICATOR_ERRORS, type AuthenticatorErrorCode } from "@/lib/authenticator-protocol/errors";

/** How each protocol refusal reads as an AppError, for the pages and the flow API's problem codes. */
const APP_ERROR_CODE: Record<AuthenticatorErrorCode, AppErrorCode> = {
  PAIRING_KEY_UNKNOWN: "NOT_FOUND",
  PAIRING_KEY_USED: "CONFLICT",
  PAIRING_KEY_EXPIRED: "EXPIRED",
  PAIRING_RATE_LIMITED: "RATE_LIMITED",
  INVALID_PUBLIC_KEY: "VALIDATION",
  INVALID_REQUEST: "VALIDATION",
  DEVICE_NOT_FOUND: "NOT_FOUND",
  DEVICE_BLOCKED: "FORBIDDEN",
  DEVICE_NOT_PAIRED: "CONFLICT",
  PUSH_RATE_LIMITED: "RATE_LIMITED",
  CHALLENGE_NOT_FOUND: "NOT_FOUND",
  CHALLENGE_EXPIRED: "EXPIRED",
  CHALLENGE_DECIDED: "CONFLICT",
  SIGNATURE_INVALID: "FORBIDDEN",
  SIGNATURE_EXPIRED: "FORBIDDEN",
  NUMBER_MISMATCH: "FORBIDDEN",
};

/**
 * A refusal of the mobile authenticator's domain: an AppError (so every existing boundary turns it
 * into a safe message) that also carries the protocol's stable `reason` code, which the phone's
 * endpoints answer with ({ code: reason, message }, HTTP AUTHENTICATOR_ERRORS[reason].status).
 */
export class MobileAuthError extends AppError {
  constructor(
    readonly reason: AuthenticatorErrorCode,
    message: string = AUTHENTICATOR_ERRORS[reason].message,
    retryAfterSeconds?: number,
  ) {
    super(APP_ERROR_CODE[reason], message, undefined, retryAfterSeconds);
    this.name = "MobileAuthError";
  }

  get httpStatus(): number {
    return AUTHENTICATOR_ERRORS[this.reason].status;
  }

  /** The body the phone's endpoints answer with. */
  toBody() {
    return { code: this.reason, message: this.message };
  }
}

export const isMobileAuthError = (error: unknown): error is MobileAuthError => error instanceof MobileAuthError;
