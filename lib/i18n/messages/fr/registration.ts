import type { Catalogue } from "@/lib/i18n/messages/en";

/** The device-registration flow: choosing, adding and confirming a device. */
export const registration: Catalogue["registration"] = {};
