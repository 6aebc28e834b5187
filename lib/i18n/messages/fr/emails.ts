import type { Catalogue } from "@/lib/i18n/messages/en";

/** Emails about account changes, sign-in links, verification and password reset. */
export const emails: Catalogue["emails"] = {};
