/** Device types and how people read them. Pure: shared by server code and components. */
export const DEVICE_TYPES = ["SMS", "EMAIL", "VOICE", "TOTP", "PLATFORM", "SECURITY_KEY", "MOBILE"] as const;
export type DeviceTypeName = (typeof DEVICE_TYPES)[number];

export const DEVICE_STATUSES = ["ACTIVATION_REQUIRED", "ACTIVE", "BLOCKED"] as const;
export type DeviceStatusName = (typeof DEVICE_STATUSES)[number];

export const deviceTypeLabel: Record<DeviceTypeName, string> = {
  SMS: "Text message",
  EMAIL: "Email",
  VOICE: "Voice call",
  TOTP: "Authenticator app",
  PLATFORM: "Passkey",
  SECURITY_KEY: "Security key",
  MOBILE: "Mobile app",
};

export const deviceStatusLabel: Record<DeviceStatusName, string> = {
  ACTIVATION_REQUIRED: "Waiting for activation",
  ACTIVE: "Active",
  BLOCKED: "Blocked",
};

/** SMS and voice are "restricted" authenticators (NIST SP 800-63B 3.1.3.3): users are told so. */
export const RESTRICTED_TYPES: readonly DeviceTypeName[] = ["SMS", "VOICE"];
