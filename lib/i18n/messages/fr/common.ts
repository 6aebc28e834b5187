import type { Catalogue } from "@/lib/i18n/messages/en";

/** Words every page shares: buttons, confirmations, form states (components/ui). */
export const common: Catalogue["common"] = {};
