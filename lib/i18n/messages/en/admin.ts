/** The admin console. */
export const admin = {};
