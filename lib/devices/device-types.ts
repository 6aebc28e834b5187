import { devices } from "@/lib/i18n/messages/en/devices";

/** Device types and how people read them. Pure: shared by server code and components. */
export const DEVICE_TYPES = ["SMS", "EMAIL", "VOICE", "TOTP", "PLATFORM", "SECURITY_KEY", "MOBILE"] as const;
export type DeviceTypeName = (typeof DEVICE_TYPES)[number];

export const DEVICE_STATUSES = ["ACTIVATION_REQUIRED", "ACTIVE", "BLOCKED"] as const;
export type DeviceStatusName = (typeof DEVICE_STATUSES)[number];

/** In English, for the flow API, emails' fallbacks and logs: the catalogue's own words (pages word them per reader). */
export const deviceTypeLabel: Record<DeviceTypeName, string> = devices.types;
export const deviceStatusLabel: Record<DeviceStatusName, string> = devices.statuses;

/** SMS and voice are "restricted" authenticators (NIST SP 800-63B 3.1.3.3): users are told so. */
export const RESTRICTED_TYPES: readonly DeviceTypeName[] = ["SMS", "VOICE"];
