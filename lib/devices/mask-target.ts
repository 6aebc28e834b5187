import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { DeviceTypeName } from "@/lib/devices/device-types";

const DOT = "•";

/**
 * "+1 ••• ••• 4567": the country code and the last `visibleDigits` digits. The portal, behind a
 * sign-in, shows four; pages before the second factor show two (issue 4), so less leaks to someone
 * who only knows a password.
 */
export function maskPhone(phone: string, visibleDigits = 4): string {
  const parsed = parsePhoneNumberFromString(phone);
  const country = parsed ? `+${parsed.countryCallingCode}` : "";
  const digits = parsed ? String(parsed.nationalNumber) : phone.replace(/\D/g, "");
  const shown = Math.min(visibleDigits, Math.max(digits.length - 2, 0));
  const hidden = digits.length - shown;
  const groups: string[] = [];
  for (let i = 0; i < hidden; i += 3) groups.push(DOT.repeat(Math.min(3, hidden - i)));
  return [country, ...groups, digits.slice(hidden)].filter(Boolean).join(" ");
}

/** "j•••@example.com": the first letter and the domain; the length of the local part is not told. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return DOT.repeat(3);
  return `${email[0]}${DOT.repeat(3)}${email.slice(at)}`;
}

export function maskTarget(type: DeviceTypeName, target: string | null | undefined, visibleDigits = 4): string | null {
  if (!target) return null;
  if (type === "SMS" || type === "VOICE") return maskPhone(target, visibleDigits);
  if (type === "EMAIL") return maskEmail(target);
  return null;
}
