/** The mobile authenticator (the phone app at /authenticator). */
export const authenticator = {};
