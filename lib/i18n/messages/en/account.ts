/** The account overview page. */
export const account = {};
