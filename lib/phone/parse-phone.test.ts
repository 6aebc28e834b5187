import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors/app-error";
import { phoneCountries } from "@/lib/phone/countries";
import {
  COSTLY_NUMBER_MESSAGE,
  formatPhone,
  INTERNATIONAL_PHONE_MESSAGE,
  INVALID_PHONE_MESSAGE,
  NO_SMS_MESSAGE,
  parseInternationalPhone,
  parsePhone,
  toE164,
  type ParsedPhone,
} from "@/lib/phone/parse-phone";

/** A refusal as the flow API reads it: its field errors in English (`texts` has the same, for the pages). */
const english = (parsed: ParsedPhone) => (parsed.ok ? parsed : { ok: false, fieldErrors: parsed.fieldErrors });

test("a refusal carries its message as a Text too, for the pages", () => {
  const parsed = parsePhone({ input: "123", defaultCountry: "GB" });
  assert.deepEqual(parsed.ok ? null : parsed.texts, { phone: { key: "registration.phone.errors.invalid" } });
});

test("a national number with the chosen country becomes E.164", () => {
  assert.deepEqual(parsePhone({ input: "020 7946 0018", defaultCountry: "GB" }), {
    ok: true,
    e164: "+442079460018",
    international: "+44 20 7946 0018",
    country: "GB",
  });
  assert.equal(toE164({ input: "(201) 555-0123", defaultCountry: "us" }), "+12015550123");
  assert.equal(toE164({ input: "06 12 34 56 78", defaultCountry: "FR" }), "+33612345678");
});

test("a number written with its own country code overrides the picker", () => {
  assert.equal(toE164({ input: "+33 6 12 34 56 78", defaultCountry: "US" }), "+33612345678");
  assert.equal(toE164({ input: "0033 6 12 34 56 78", defaultCountry: "DE" }), "+33612345678");
});

test("an impossible number is a field error", () => {
  for (const input of ["123", "", "0000000000000000", "not a number", "+44 20 7946 00181234"]) {
    assert.deepEqual(english(parsePhone({ input, defaultCountry: "GB" })), { ok: false, fieldErrors: { phone: [INVALID_PHONE_MESSAGE] } }, input);
  }
  assert.throws(
    () => toE164({ input: "123", defaultCountry: "US" }),
    (e: unknown) => e instanceof AppError && e.code === "VALIDATION" && e.fieldErrors?.phone?.[0] === "Enter a valid phone number for the chosen country.",
  );
});

test("without a country picker only a number with its own country code is taken, with the same rules", () => {
  assert.deepEqual(parseInternationalPhone({ input: " +44 7400 123456 " }), { ok: true, e164: "+447400123456", international: "+44 7400 123456", country: "GB" });
  assert.deepEqual(parseInternationalPhone({ input: "+1 (201) 555-0123" }), parseInternationalPhone({ input: "+12015550123" }));
  for (const input of ["07400 123456", "0044 7400 123456", "", "+", "+44 123", `+44${"1".repeat(40)}`]) {
    assert.deepEqual(english(parseInternationalPhone({ input })), { ok: false, fieldErrors: { phone: [INTERNATIONAL_PHONE_MESSAGE] } }, input);
  }
  assert.deepEqual(english(parseInternationalPhone({ input: "+1 900 555 1234" })), { ok: false, fieldErrors: { phone: [COSTLY_NUMBER_MESSAGE] } });
  assert.deepEqual(english(parseInternationalPhone({ input: "+44 20 7946 0018", channel: "sms" })), { ok: false, fieldErrors: { phone: [NO_SMS_MESSAGE] } });
});

test("an unknown country is its own field error", () => {
  assert.deepEqual(english(parsePhone({ input: "020 7946 0018", defaultCountry: "ZZ" })), { ok: false, fieldErrors: { country: ["Choose a country."] } });
});

test("premium-rate numbers are refused, and a landline cannot take texts", () => {
  assert.deepEqual(english(parsePhone({ input: "+1 900 555 1234", defaultCountry: "US" })), { ok: false, fieldErrors: { phone: [COSTLY_NUMBER_MESSAGE] } });
  assert.deepEqual(english(parsePhone({ input: "020 7946 0018", defaultCountry: "GB", channel: "sms" })), { ok: false, fieldErrors: { phone: [NO_SMS_MESSAGE] } });
  assert.equal(parsePhone({ input: "020 7946 0018", defaultCountry: "GB", channel: "voice" }).ok, true);
  assert.equal(parsePhone({ input: "07400 123456", defaultCountry: "GB", channel: "sms" }).ok, true);
});

test("the country picker lists countries by English name with their calling codes", () => {
  const countries = phoneCountries();
  assert.ok(countries.length > 200);
  const gb = countries.find((c) => c.code === "GB");
  assert.deepEqual(gb, { code: "GB", name: "United Kingdom", callingCode: "+44" });
  assert.deepEqual(countries.find((c) => c.code === "US")?.callingCode, "+1");
  const names = countries.map((c) => c.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "en")));
  assert.equal(new Set(countries.map((c) => c.code)).size, countries.length);
});

test("a stored number is shown in international format", () => {
  assert.equal(formatPhone("+442079460018"), "+44 20 7946 0018");
  assert.equal(formatPhone("garbage"), "garbage");
});
