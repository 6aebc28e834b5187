/**
 * NIST SP 800-63B 3.1.3.3 calls SMS and voice "restricted": a number can be moved to another SIM or
 * forwarded without the owner knowing. People choosing one are told so and offered something stronger
 * (security.md item 12). Pure, for the enrolment page.
 */
export const RESTRICTED_PHONE_NOTICE =
  "Codes by text message or voice call are less secure than other ways to sign in: someone who takes over your phone number (for example by moving it to a new SIM card) can receive them. You can add a passkey, a security key or an authenticator app at any time for stronger protection.";
