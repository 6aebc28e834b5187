import type { Catalogue } from "@/lib/i18n/messages/en";

/** The flow host every flow page and the widget share (see ../en/flows.ts). */
export const flows: Catalogue["flows"] = {};
