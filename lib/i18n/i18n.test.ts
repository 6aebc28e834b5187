import { test } from "node:test";
import assert from "node:assert/strict";
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { catalogue } from "@/lib/i18n/messages";
import { translatorFor, type Namespace } from "@/lib/i18n/translator";
import { passcodeEmail, passcodeMessage, passcodeVoiceText } from "@/lib/otp/passcode-message";
import { passcodeTemplateSchema } from "@/lib/otp/passcode-template";

test("the chosen language wins; else the browser's best weighted one we speak; else English", () => {
  assert.equal(negotiateLocale({ chosen: "fr", acceptLanguage: "en-US,en;q=0.9" }), "fr");
  assert.equal(negotiateLocale({ chosen: "de", acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.5" }), "fr");
  assert.equal(negotiateLocale({ acceptLanguage: "de-DE,de;q=0.9,fr;q=0.4,en;q=0.3" }), "fr");
  assert.equal(negotiateLocale({ acceptLanguage: "en;q=0.2,fr;q=0.8" }), "fr");
  assert.equal(negotiateLocale({ acceptLanguage: "de,ja" }), "en");
  assert.equal(negotiateLocale({ acceptLanguage: ";;;q=garbage,,," }), "en");
  assert.equal(negotiateLocale({}), "en");
});

/**
 * Values for every argument a message names, of the kind its use asks for (a number for a plural or
 * a number format, a date for a date, a function for a rich-text tag, a word otherwise), read from the message itself with the ICU
 * parser use-intl formats with.
 */
function valuesFor(message: string): Record<string, string | number | Date | ((chunks: string) => string)> {
  const values: Record<string, string | number | Date | ((chunks: string) => string)> = {};
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isArgumentElement(element)) values[element.value] ??= "x";
      else if (isNumberElement(element) || isPluralElement(element)) values[element.value] = 2;
      else if (isDateElement(element) || isTimeElement(element)) values[element.value] = new Date(0);
      else if (isSelectElement(element)) values[element.value] ??= "other";
      if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) visit(option.value);
      // A rich-text tag (`t.rich`, `<strong>…</strong>`) takes a function of its contents.
      if (isTagElement(element)) {
        values[element.value] = (chunks: string) => chunks;
        visit(element.children);
      }
    }
  };
  visit(parse(message));
  return values;
}

/** Every message of every catalogue is valid ICU, formats, and names the arguments its English twin names. */
test("every catalogue's messages parse and format, with the same keys as English", () => {
  const keysOf = (node: object, prefix = ""): string[] =>
    Object.entries(node).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keysOf(v as object, `${prefix}${k}.`)));
  const at = (node: object, key: string) => key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], node) as string;
  const english = catalogue("en");
  for (const locale of LOCALES) {
    for (const namespace of Object.keys(english) as Namespace[]) {
      assert.deepEqual(keysOf(catalogue(locale)[namespace]).sort(), keysOf(english[namespace]).sort(), `${locale}.${namespace}`);
      const t = translatorFor(locale, namespace) as unknown as (key: string, v: object) => string;
      for (const key of keysOf(english[namespace])) {
        const source = at(english[namespace], key);
        const values = valuesFor(source);
        // A translation may leave out a value English shows (a plural's own number), never name a new one.
        for (const name of Object.keys(valuesFor(at(catalogue(locale)[namespace], key)))) {
          assert.ok(name in values, `${locale}.${namespace}.${key} names {${name}}, which English does not`);
        }
        const text = t(key, values);
        assert.ok(text.length > 0 && !text.startsWith(namespace), `${locale}.${namespace}.${key} formats: ${text}`);
      }
    }
  }
});

test("passcodes are written in the reader's language, with plurals of their own", () => {
  const base = { code: "482913", purpose: "sign-in" as const, minutes: 1, companyName: "Acme" };
  assert.match(passcodeMessage({ ...base, locale: "fr" }), /^482913 est votre code Acme pour vous connecter\. Il expire dans 1 minute\./);
  assert.match(passcodeMessage({ ...base, minutes: 10, locale: "fr", variant: "short" }), /^482913 est votre code Acme\. Il expire dans 10 minutes\.$/);
  assert.match(passcodeVoiceText({ ...base, locale: "fr" }), /Votre code pour vous connecter est\u00a0: 4, 8, 2, 9, 1, 3\./);
  assert.equal(passcodeEmail({ ...base, purpose: "step-up", locale: "fr" }).subject, "Acme\u00a0: votre code pour confirmer une modification de la sécurité de votre compte");
  // Without a locale, English, word for word as before the catalogues existed.
  assert.equal(passcodeMessage(base), "482913 is your Acme code to sign in. It expires in 1 minute.\nDon't share it: Acme will never ask you for it.");
});

test("an API template may name any language we speak, with a region; others are refused by name", () => {
  for (const locale of ["en", "fr", "fr-CA", "en-GB"]) assert.equal(passcodeTemplateSchema.safeParse({ locale }).success, true, locale);
  const refused = passcodeTemplateSchema.safeParse({ locale: "de" });
  assert.equal(refused.success, false);
  assert.match(refused.error!.issues[0]!.message, /English \(en\), Français \(fr\)/);
});
