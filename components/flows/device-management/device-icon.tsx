import type { DeviceTypeName } from "@/lib/devices/device-types";

const glyph: Record<DeviceTypeName, string> = {
  SMS: "💬",
  VOICE: "📞",
  EMAIL: "✉️",
  TOTP: "⏱",
  PLATFORM: "👆",
  SECURITY_KEY: "🔑",
  MOBILE: "📱",
};

export function DeviceIcon({ type }: { type: DeviceTypeName }) {
  return (
    <span className="device-icon" aria-hidden="true">
      {glyph[type]}
    </span>
  );
}
