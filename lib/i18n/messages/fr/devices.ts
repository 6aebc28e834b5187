import type { Catalogue } from "@/lib/i18n/messages/en";

/** The device list and its management flow (rename, default, block, remove, MFA on/off). */
export const devices: Catalogue["devices"] = {};
