import type { Catalogue } from "@/lib/i18n/messages/en";

/** Recovery codes: shown once, regenerated, used at sign-in. */
export const recoveryCodes: Catalogue["recoveryCodes"] = {};
