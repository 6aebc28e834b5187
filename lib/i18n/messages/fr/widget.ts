import type { Catalogue } from "@/lib/i18n/messages/en";

/** The embeddable widget's own frame and messages. */
export const widget: Catalogue["widget"] = {};
