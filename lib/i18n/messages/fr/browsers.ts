import type { Catalogue } from "@/lib/i18n/messages/en";

/** Your browsers (device keys and remembered browsers). */
export const browsers: Catalogue["browsers"] = {};
