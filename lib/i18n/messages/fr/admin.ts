import type { Catalogue } from "@/lib/i18n/messages/en";

/** The admin console. */
export const admin: Catalogue["admin"] = {};
