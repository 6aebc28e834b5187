/**
 * The signature counter rule (WebAuthn L3 §7.2 step 21, security.md item 17). Pure.
 *
 * An authenticator that keeps a counter reports a larger one on every use, so a value that does not
 * grow means two copies of one credential are in use: a possible clone. Authenticators without a
 * counter (most synced passkeys) always report 0, and 0 after 0 is fine. But once a credential has
 * reported a non-zero counter, a later 0 is a regression too: a genuine authenticator does not stop
 * counting, and accepting 0 would let a clone slip past by never counting at all.
 */
export function isCounterRegression(stored: number, reported: number): boolean {
  if (stored === 0 && reported === 0) return false;
  return reported <= stored;
}
