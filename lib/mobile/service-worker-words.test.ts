import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { LOCALES } from "@/lib/i18n/locales";
import { catalogue } from "@/lib/i18n/messages";

/** The phone's service worker (public/authenticator/sw.js) cannot read the catalogue: its copy of the notifications' words must match it. */
test("the service worker's notification words are the catalogue's, in every language", () => {
  const source = readFileSync("public/authenticator/sw.js", "utf8");
  const context = { self: { addEventListener: () => undefined, navigator: { languages: ["fr-CA", "en"] } } } as Record<string, unknown>;
  vm.runInNewContext(`${source}\nthis.WORDS = WORDS; this.words = words;`, context);
  for (const locale of LOCALES) assert.deepEqual(JSON.parse(JSON.stringify((context.WORDS as Record<string, unknown>)[locale])), catalogue(locale).authenticator.notification, locale);
  assert.equal((context.words as () => { requestTitle: string })().requestTitle, "Demande de connexion");
});
