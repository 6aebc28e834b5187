/** Your browsers (device keys and remembered browsers). */
export const browsers = {};
