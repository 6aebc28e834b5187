import type { Catalogue } from "@/lib/i18n/messages/en";

/** Sign-up, sign-in, forgot and reset password, magic link and email verification pages. */
export const signIn: Catalogue["signIn"] = {};
