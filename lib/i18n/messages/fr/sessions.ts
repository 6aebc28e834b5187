import type { Catalogue } from "@/lib/i18n/messages/en";

/** Your sessions. */
export const sessions: Catalogue["sessions"] = {};
