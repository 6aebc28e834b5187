/** The device-authentication and re-authentication flows (second factor, step-up). */
export const authentication = {};
