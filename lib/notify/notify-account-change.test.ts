import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { currentBranding } from "@/lib/branding/current-branding";
import { config } from "@/lib/config";
import { text } from "@/lib/i18n/text";
import { deviceText, notifyAccountChange } from "@/lib/notify/notify-account-change";
import { emailWords } from "@/lib/notify/email-words";

const when = new Date("2031-05-06T07:08:09Z");

async function lastMail(to: string) {
  return db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

test("an account change email says in English, word for word, what it said before the catalogues", async () => {
  const { companyName } = await currentBranding();
  const to = `change-en-${Date.now()}@example.com`;
  await notifyAccountChange({ email: to, action: "device.renamed", deviceLabel: deviceText({ type: "TOTP", nickname: "Work phone" }), when });
  const mail = await lastMail(to);
  assert.equal(mail.subject, `${companyName}: one of your sign-in devices was renamed`);
  assert.equal(
    mail.body,
    [
      "One of your sign-in devices was renamed.",
      'Device: Authenticator app "Work phone"',
      "When: Tue, 06 May 2031 07:08:09 GMT",
      "",
      "If this was you, there is nothing to do.",
      `If it was not you, review your devices at ${config().appUrl}/devices and change your password,`,
      `or report it by replying to this message so the ${companyName} security team can help.`,
    ].join("\n"),
  );
  await notifyAccountChange({ email: to, action: "recovery_code.used", detail: text("emails.accountChange.recoveryCodesLeftLow", { left: 1 }), when });
  assert.match((await lastMail(to)).body, /^A recovery code was used to sign in to your account\.\nYou have 1 recovery code left\. Make new ones on your devices page soon\.\n/);
  await notifyAccountChange({ email: to, action: "something.new", when });
  assert.equal((await lastMail(to)).subject, `${companyName}: your account security settings changed`);
});

test("an account change email in French, with the device's kind and the time in French", async () => {
  const { companyName } = await currentBranding();
  const to = `change-fr-${Date.now()}@example.com`;
  await notifyAccountChange({ email: to, action: "mfa.reset", deviceLabel: text("emails.accountChange.devicesRemoved", { count: 2 }), when, locale: "fr" });
  const mail = await lastMail(to);
  assert.equal(mail.subject, `${companyName}\u00a0: un administrateur a réinitialisé votre validation en deux étapes\u00a0: vos appareils de connexion ont été retirés et elle est désactivée`);
  assert.match(mail.body, /^Un administrateur a réinitialisé .*\.\nAppareil\u00a0: 2 appareils retirés\nQuand\u00a0: mardi 6 mai 2031 .*07:08:09 UTC\n\nSi c'était vous/);
});

test("the link emails keep their English and speak French when asked", async () => {
  const english = await emailWords("passwordReset", { companyName: "Acme", minutes: 30, link: "https://x.test/reset-password?token=t" });
  assert.equal(english.subject, "Reset your Acme password");
  assert.equal(
    english.text,
    "Someone, hopefully you, asked to reset the password of your Acme account. Open this link to choose a new one. It works once, for 30 minutes:\n\nhttps://x.test/reset-password?token=t\n\nIf you did not ask for it, ignore this email: your password stays as it is.",
  );
  const french = await emailWords("magicLink", { companyName: "Acme", minutes: 1, link: "https://x.test/magic-link?token=t" }, "fr");
  assert.equal(french.subject, "Votre lien de connexion Acme");
  assert.match(french.text, /pendant 1 minute\u00a0:\n\nhttps:\/\/x\.test\/magic-link\?token=t\n\n/);
});
