/**
 * A passkey sign-in has no user and no flow yet, so its WebAuthn challenge is bound to a random id kept
 * in this short-lived, http-only cookie: only the browser that asked for the challenge can answer it.
 */
export const PASSKEY_BINDING_COOKIE = "passkey-sign-in";
