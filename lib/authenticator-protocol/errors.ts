/**
 * What the server answers when it refuses an authenticator's request: a stable code for programs to
 * switch on, a message for the person, and the HTTP status the endpoints use. Codes are never renamed
 * or reused; a new situation gets a new code.
 */
export const AUTHENTICATOR_ERRORS = {
  // Pairing (security.md item 19).
  PAIRING_KEY_UNKNOWN: { status: 404, message: "This pairing key is not right. Check it, or start the pairing again on the sign-in page." },
  PAIRING_KEY_USED: { status: 409, message: "This pairing key was already used. Start the pairing again on the sign-in page to get a new one." },
  PAIRING_KEY_EXPIRED: { status: 410, message: "This pairing key has expired or was replaced by a newer one. Start the pairing again to get a new one." },
  PAIRING_RATE_LIMITED: { status: 429, message: "Too many wrong pairing keys from your network. Wait a while and try again." },
  INVALID_PUBLIC_KEY: { status: 400, message: "The app sent a key the server cannot use. Update the app and pair again." },
  INVALID_REQUEST: { status: 400, message: "The app sent a request the server cannot read. Update the app and try again." },
  // The paired device.
  DEVICE_NOT_FOUND: { status: 404, message: "This phone is no longer paired with the account. Pair it again to use it." },
  DEVICE_BLOCKED: { status: 403, message: "This phone is blocked for the account. Unblock it in the account's device list to use it again." },
  DEVICE_NOT_PAIRED: { status: 409, message: "This phone has not finished pairing with the account." },
  // Push approval (security.md items 18 and 20).
  PUSH_RATE_LIMITED: { status: 429, message: "Too many sign-in requests were sent to your phone. Wait a while, or use another device." },
  CHALLENGE_NOT_FOUND: { status: 404, message: "This sign-in request no longer exists." },
  CHALLENGE_EXPIRED: { status: 410, message: "This sign-in request has timed out." },
  CHALLENGE_DECIDED: { status: 409, message: "This sign-in request was already answered or replaced by a newer one." },
  SIGNATURE_INVALID: { status: 403, message: "The phone's signature could not be verified. Pair the phone again." },
  SIGNATURE_EXPIRED: { status: 403, message: "The phone's clock is too far from the server's. Set the phone's time automatically and try again." },
  NUMBER_MISMATCH: { status: 403, message: "That is not the number shown on the sign-in page." },
} as const satisfies Record<string, { status: number; message: string }>;

export type AuthenticatorErrorCode = keyof typeof AUTHENTICATOR_ERRORS;

/**
 * The body of every refusal: a problem document (RFC 9457, application/problem+json). `type` and
 * `title` name the general kind (the flow API's catalogue: not found, forbidden…), `code` the exact
 * refusal; `detail` and `message` hold the same words for the person.
 */
export type AuthenticatorErrorBody = {
  type: string;
  title: string;
  status: number;
  code: AuthenticatorErrorCode;
  detail: string;
  message: string;
};

export function isAuthenticatorErrorCode(value: unknown): value is AuthenticatorErrorCode {
  return typeof value === "string" && Object.hasOwn(AUTHENTICATOR_ERRORS, value);
}
