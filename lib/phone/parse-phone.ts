import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from "libphonenumber-js/max";
import { AppError } from "@/lib/errors/app-error";
import { inEnglish, text, type Text } from "@/lib/i18n/text";
import { isPhoneCountry } from "@/lib/phone/countries";

/**
 * Phone numbers in, E.164 out. Pure (no server-only), so a form can check as the person types; the
 * server checks again. The "max" metadata knows each country's number ranges, not only their lengths,
 * so a number that cannot exist is refused rather than texted.
 */
const INVALID_PHONE = text("registration.phone.errors.invalid");
const NO_SMS = text("registration.phone.errors.noSms");
const COSTLY_NUMBER = text("registration.phone.errors.costly");
const INTERNATIONAL_PHONE = text("registration.phone.errors.international");
const CHOOSE_COUNTRY = text("registration.phone.errors.chooseCountry");
export const INVALID_PHONE_MESSAGE = inEnglish(INVALID_PHONE);
export const NO_SMS_MESSAGE = inEnglish(NO_SMS);
export const COSTLY_NUMBER_MESSAGE = inEnglish(COSTLY_NUMBER);

/**
 * A refusal has its field errors in English (the flow API, lib/validations/api-users.ts) and, in
 * `texts`, the same message as a Text for the pages to word in the reader's language.
 */
export type ParsedPhone =
  | { ok: true; e164: string; country?: CountryCode; international: string }
  | { ok: false; fieldErrors: { phone?: string[]; country?: string[] }; texts: { phone?: Text; country?: Text } };

function refused(field: "phone" | "country", message: Text): ParsedPhone {
  return { ok: false, fieldErrors: { [field]: [inEnglish(message)] }, texts: { [field]: message } };
}

// Premium-rate and shared-cost numbers charge the caller: sending codes to them is how "SMS pumping"
// fraud makes money from a sign-up form.
const NEVER: readonly NumberType[] = ["PREMIUM_RATE", "SHARED_COST"];
const NO_TEXT: readonly NumberType[] = ["FIXED_LINE", "VOICEMAIL", "PAGER", "UAN"];

export function parsePhone(options: { input: string; defaultCountry: string; channel?: "sms" | "voice" }): ParsedPhone {
  const country = options.defaultCountry.trim().toUpperCase();
  if (!isPhoneCountry(country)) return refused("country", CHOOSE_COUNTRY);
  const input = options.input.trim();
  // An explicit "+" or "00" prefix names its own country and overrides the picker.
  const number = input.length > 0 && input.length <= 40 ? parsePhoneNumberFromString(input, country) : undefined;
  return verdict(number, INVALID_PHONE, options.channel);
}

export const INTERNATIONAL_PHONE_MESSAGE = inEnglish(INTERNATIONAL_PHONE);

/**
 * A number that names its own country ("+44 7400 123456"), for callers with no country picker beside
 * the field, such as an application provisioning users through the flow API. A national number would
 * be a guess at the country, so it is refused rather than read as anyone's.
 */
export function parseInternationalPhone(options: { input: string; channel?: "sms" | "voice" }): ParsedPhone {
  const input = options.input.trim();
  const number = input.startsWith("+") && input.length <= 40 ? parsePhoneNumberFromString(input) : undefined;
  return verdict(number, INTERNATIONAL_PHONE, options.channel);
}

function verdict(number: PhoneNumber | undefined, invalidMessage: Text, channel: "sms" | "voice" | undefined): ParsedPhone {
  if (!number || !number.isValid()) return refused("phone", invalidMessage);
  const type = number.getType();
  if (type && NEVER.includes(type)) return refused("phone", COSTLY_NUMBER);
  if (channel === "sms" && type && NO_TEXT.includes(type)) return refused("phone", NO_SMS);
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
    const field = parsed.texts.country ? "country" : "phone";
    throw AppError.onField(field, parsed.texts[field] ?? INVALID_PHONE);
  }
  return parsed.e164;
}

/** "+44 20 7946 0018" for a stored E.164 number; the input back if it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
