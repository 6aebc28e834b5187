import type { Catalogue } from "@/lib/i18n/messages/en";

/** Audit events as people read them (see ../en/audit.ts). */
export const audit: Catalogue["audit"] = {};
