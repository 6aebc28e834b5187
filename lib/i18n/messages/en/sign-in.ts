/** Sign-up, sign-in, forgot and reset password, magic link and email verification pages. */
export const signIn = {};
