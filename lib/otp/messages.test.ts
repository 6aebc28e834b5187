import { test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish, translate } from "@/lib/i18n/text";
import { canResend, codeCheckMessage as codeCheckText, lockedMessage as lockedText, NO_MORE_RESENDS_MESSAGE, rateLimitedMessage as rateLimitedText } from "@/lib/otp/messages";

// The messages are Texts, worded by each door; these tests read their English.
const codeCheckMessage = (...args: Parameters<typeof codeCheckText>) => inEnglish(codeCheckText(...args));
const lockedMessage = (until: Date) => inEnglish(lockedText(until));
const rateLimitedMessage = (until: Date) => inEnglish(rateLimitedText(until));
import { passcodeEmail, passcodeMessage, passcodeVoiceText } from "@/lib/otp/passcode-message";
import { passcodeTemplateSchema } from "@/lib/otp/passcode-template";

test("resends are allowed up to the flow's maximum and not beyond", () => {
  assert.equal(canResend(0, 3), true);
  assert.equal(canResend(2, 3), true);
  assert.equal(canResend(3, 3), false);
  assert.equal(canResend(0, 0), false);
  assert.match(inEnglish(NO_MORE_RESENDS_MESSAGE), /new codes/);
});

test("a lockout tells the user until when, in UTC", () => {
  const until = new Date("2031-05-06T07:08:09Z");
  assert.match(lockedMessage(until), /locked until 2031-05-06 07:08 UTC/);
  assert.equal(codeCheckMessage({ ok: false, reason: "locked", lockedUntil: until }), lockedMessage(until));
  assert.match(rateLimitedMessage(until), /Try again after 2031-05-06 07:08 UTC/);
});

test("each failure reason has its own message", () => {
  const reasons = [
    codeCheckMessage({ ok: false, reason: "invalid" }),
    codeCheckMessage({ ok: false, reason: "invalid", attemptsLeft: 2 }),
    codeCheckMessage({ ok: false, reason: "expired" }),
    codeCheckMessage({ ok: false, reason: "exhausted" }),
    codeCheckMessage({ ok: false, reason: "replayed" }),
  ];
  assert.equal(new Set(reasons).size, reasons.length);
  assert.match(reasons[1]!, /2 attempts left/);
  assert.match(codeCheckMessage({ ok: false, reason: "invalid", attemptsLeft: 1 }), /1 attempt left/);
});

test("the same failures read in French, with French plurals and the time as written", () => {
  assert.equal(translate("fr", codeCheckText({ ok: false, reason: "invalid", attemptsLeft: 1 })), "Ce code n'est pas le bon. 1 essai restant.");
  assert.equal(translate("fr", codeCheckText({ ok: false, reason: "invalid", attemptsLeft: 3 })), "Ce code n'est pas le bon. 3 essais restants.");
  assert.match(translate("fr", lockedText(new Date("2031-05-06T07:08:09Z"))), /verrouillé jusqu'au 2031-05-06 07:08 UTC/);
});

test("the short SMS variant is one line with the code, the company and the expiry, and keeps the origin-bound line", () => {
  const sms = passcodeMessage({ code: "123456", purpose: "sign-in", minutes: 10, companyName: "Shop", domain: "acme.test", variant: "short" });
  assert.equal(sms, "123456 is your Shop code. It expires in 10 minutes.\n\n@acme.test #123456");
});

test("an API flow's template accepts a language we speak, a variant and a company name, and refuses anything else", () => {
  assert.ok(passcodeTemplateSchema.safeParse({ variant: "short", locale: "en-GB", variables: { companyName: "Shop" } }).success);
  assert.ok(!passcodeTemplateSchema.safeParse({ locale: "de" }).success);
  assert.ok(!passcodeTemplateSchema.safeParse({ variables: { companyName: "Shop\nCall 555" } }).success);
  assert.ok(!passcodeTemplateSchema.safeParse({ variables: { other: "x" } }).success);
  assert.ok(!passcodeTemplateSchema.safeParse({ variant: "long" }).success);
});

test("messages say what the code is for and for how long", () => {
  const sms = passcodeMessage({ code: "123456", purpose: "sign-in", minutes: 10, companyName: "Acme", domain: "acme.test" });
  assert.match(sms, /123456 is your Acme code to sign in/);
  assert.match(sms, /expires in 10 minutes/);
  assert.match(sms, /\n@acme\.test #123456$/);
  const enrol = passcodeMessage({ code: "654321", purpose: "enrolment", minutes: 1, companyName: "Acme" });
  assert.match(enrol, /to add this device to your account/);
  assert.match(enrol, /expires in 1 minute\./);
  assert.doesNotMatch(enrol, /@/);
  const voice = passcodeVoiceText({ code: "123456", purpose: "step-up", minutes: 5, companyName: "Acme" });
  assert.match(voice, /1, 2, 3, 4, 5, 6\..*Again.*1, 2, 3, 4, 5, 6/);
  assert.match(voice, /confirm a change/);
  assert.match(voice, /5 minutes/);
  const email = passcodeEmail({ code: "123456", purpose: "sign-in", minutes: 10, companyName: "Acme" });
  assert.match(email.subject, /Acme: your code to sign in/);
  assert.match(email.text, /\n123456\n/);
  assert.match(email.text, /10 minutes/);
});
