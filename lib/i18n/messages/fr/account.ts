import type { Catalogue } from "@/lib/i18n/messages/en";

/** The account overview page. */
export const account: Catalogue["account"] = {};
