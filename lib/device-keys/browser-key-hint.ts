/**
 * A cookie that only says "this browser was registered to an account here", so the second-factor page
 * asks the browser to prove itself only where it can, and every other sign-in goes straight to the
 * second factor without a round trip. It is no credential: the proof is the key's signature, and a
 * copied or forged hint only costs its holder one refused check.
 */
export const BROWSER_KEY_HINT_COOKIE = "mfa_known_browser";
