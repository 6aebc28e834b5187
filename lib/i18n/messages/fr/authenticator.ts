import type { Catalogue } from "@/lib/i18n/messages/en";

/** The mobile authenticator (the phone app at /authenticator). */
export const authenticator: Catalogue["authenticator"] = {};
