import type { ReactNode } from "react";
import type { DeviceTypeName } from "@/lib/devices/device-types";

// Drawn inline rather than emoji: emoji depend on the visitor's fonts and may render as empty boxes.
const paths: Record<DeviceTypeName, ReactNode> = {
  SMS: <path d="M4 5h16v11H9l-5 4z" />,
  VOICE: <path d="M6 3h4l2 5-2.5 1.5a11 11 0 0 0 5 5L16 12l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z" />,
  EMAIL: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" />
    </>
  ),
  TOTP: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2M9 2h6" />
    </>
  ),
  PLATFORM: <path d="M12 3a7 7 0 0 0-7 7v3M19 13v-3a7 7 0 0 0-11-5.7M9 21c1-2 1.5-4 1.5-7a1.5 1.5 0 0 1 3 0c0 3-.5 6-2 8M16 20c.6-1.8 1-3.8 1-6a5 5 0 0 0-10 0c0 1.5-.2 3-.7 4.2" />,
  SECURITY_KEY: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
    </>
  ),
  MOBILE: (
    <>
      <rect x="6" y="2" width="12" height="20" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
};

export function DeviceIcon({ type }: { type: DeviceTypeName }) {
  return (
    <span className="device-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {paths[type]}
      </svg>
    </span>
  );
}
