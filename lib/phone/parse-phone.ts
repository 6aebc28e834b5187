import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from "libphonenumber-js/max";
import { AppError } from "@/lib/errors/app-error";
import { isPhoneCountry } from "@/lib/phone/countries";

/**
 * Phone numbers in, E.164 out. Pure (no server-only), so a form can check as the person types; the
 * server checks again. The "max" metadata knows each country's number ranges, not only their lengths,
 * so a number that cannot exist is refused rather than texted.
 */
export const INVALID_PHONE_MESSAGE = "Enter a valid phone number for the chosen country.";
export const NO_SMS_MESSAGE = "This number can't receive text messages. Enter a mobile number, or choose a voice call instead.";
export const COSTLY_NUMBER_MESSAGE = "This kind of number can't be used for sign-in codes. Enter a mobile or home number.";

export type ParsedPhone =
  | { ok: true; e164: string; country?: CountryCode; international: string }
  | { ok: false; fieldErrors: { phone?: string[]; country?: string[] } };

// Premium-rate and shared-cost numbers charge the caller: sending codes to them is how "SMS pumping"
// fraud makes money from a sign-up form.
const NEVER: readonly NumberType[] = ["PREMIUM_RATE", "SHARED_COST"];
const NO_TEXT: readonly NumberType[] = ["FIXED_LINE", "VOICEMAIL", "PAGER", "UAN"];

export function parsePhone(options: { input: string; defaultCountry: string; channel?: "sms" | "voice" }): ParsedPhone {
  const country = options.defaultCountry.trim().toUpperCase();
  if (!isPhoneCountry(country)) return { ok: false, fieldErrors: { country: ["Choose a country."] } };
  const input = options.input.trim();
  // An explicit "+" or "00" prefix names its own country and overrides the picker.
  const number = input.length > 0 && input.length <= 40 ? parsePhoneNumberFromString(input, country) : undefined;
  return verdict(number, INVALID_PHONE_MESSAGE, options.channel);
}

export const INTERNATIONAL_PHONE_MESSAGE = "Enter the number in international format: + and the country code, like +44 7400 123456.";

/**
 * A number that names its own country ("+44 7400 123456"), for callers with no country picker beside
 * the field, such as an application provisioning users through the flow API. A national number would
 * be a guess at the country, so it is refused rather than read as anyone's.
 */
export function parseInternationalPhone(options: { input: string; channel?: "sms" | "voice" }): ParsedPhone {
  const input = options.input.trim();
  const number = input.startsWith("+") && input.length <= 40 ? parsePhoneNumberFromString(input) : undefined;
  return verdict(number, INTERNATIONAL_PHONE_MESSAGE, options.channel);
}

function verdict(number: PhoneNumber | undefined, invalidMessage: string, channel: "sms" | "voice" | undefined): ParsedPhone {
  if (!number || !number.isValid()) return { ok: false, fieldErrors: { phone: [invalidMessage] } };
  const type = number.getType();
  if (type && NEVER.includes(type)) return { ok: false, fieldErrors: { phone: [COSTLY_NUMBER_MESSAGE] } };
  if (channel === "sms" && type && NO_TEXT.includes(type)) return { ok: false, fieldErrors: { phone: [NO_SMS_MESSAGE] } };
  return {
    ok: true,
    e164: number.number,
    international: number.formatInternational(),
    ...(number.country ? { country: number.country } : {}),
  };
}

/** The same, for server code that wants a value or an AppError carrying the field errors. */
export function toE164(options: { input: string; defaultCountry: string; channel?: "sms" | "voice" }): string {
  const parsed = parsePhone(options);
  if (!parsed.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(parsed.fieldErrors).filter((e): e is [string, string[]] => e[1] !== undefined));
    throw new AppError("VALIDATION", parsed.fieldErrors.phone?.[0] ?? parsed.fieldErrors.country?.[0] ?? INVALID_PHONE_MESSAGE, fieldErrors);
  }
  return parsed.e164;
}

/** "+44 20 7946 0018" for a stored E.164 number; the input back if it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
