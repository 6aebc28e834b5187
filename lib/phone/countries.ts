import { getCountries, getCountryCallingCode, type CountryCode } from "libphonenumber-js/min";

/** Pure, for the country picker beside a phone number field (client and server). */
export type PhoneCountry = { code: CountryCode; name: string; callingCode: string };

const cache = new Map<string, readonly PhoneCountry[]>();

/** Every country libphonenumber-js knows, with its calling code ("+44"), sorted by name in `locale`. */
export function phoneCountries(locale = "en"): readonly PhoneCountry[] {
  let list = cache.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    list = getCountries()
      .map((code) => ({ code, name: names.of(code) ?? code, callingCode: `+${getCountryCallingCode(code)}` }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(locale, list);
  }
  return list;
}

export function isPhoneCountry(code: string): code is CountryCode {
  return (getCountries() as string[]).includes(code);
}
