import type { Catalogue } from "@/lib/i18n/messages/en";

/** The device-authentication and re-authentication flows (second factor, step-up). */
export const authentication: Catalogue["authentication"] = {};
