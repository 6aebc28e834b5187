/** Emails about account changes, sign-in links, verification and password reset. */
export const emails = {};
