/** Recovery codes: shown once, regenerated, used at sign-in. */
export const recoveryCodes = {};
