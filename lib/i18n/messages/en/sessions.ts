/** Your sessions. */
export const sessions = {};
