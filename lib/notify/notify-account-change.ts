import "server-only";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import type { Locale } from "@/lib/i18n/locales";
import { text, translate, type Message, type Text } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import { emailLocale } from "@/lib/notify/email-words";
import { sendEmail } from "@/lib/notify/send-email";

/** Each account change's headline, by audit action (lib/i18n/messages/en/emails.ts accountChange.headlines). */
const headlineKeys = {
  "device.added": "deviceAdded",
  "device.renamed": "deviceRenamed",
  "device.made_default": "deviceMadeDefault",
  "device.blocked": "deviceBlocked",
  "device.unblocked": "deviceUnblocked",
  "device.removed": "deviceRemoved",
  "mfa.enabled": "mfaEnabled",
  "mfa.disabled": "mfaDisabled",
  "device_key.registered": "deviceKeyRegistered",
  "device_key.renamed": "deviceKeyRenamed",
  "device_key.blocked": "deviceKeyBlocked",
  "device_key.unblocked": "deviceKeyUnblocked",
  "device_key.forgotten": "deviceKeyForgotten",
  "device.locked_by_admin": "deviceLockedByAdmin",
  "device.unlocked": "deviceUnlocked",
  "mfa.reset": "mfaReset",
  "user.signed_out_everywhere": "signedOutEverywhere",
  "user.session_signed_out": "sessionSignedOut",
  "user.signed_out_others": "signedOutOthers",
  "user.password_reset": "passwordReset",
  "recovery_code.used": "recoveryCodeUsed",
  "recovery_codes.generated": "recoveryCodesGenerated",
} as const;

type Headline = (typeof headlineKeys)[keyof typeof headlineKeys] | "other";

/** A sign-in device as the "Device:" line names it: its kind in the reader's language, and its nickname. */
export const deviceText = (device: { type: string; nickname: string }): Text =>
  text("emails.accountChange.deviceLabel", { type: device.type, nickname: device.nickname });

/**
 * When it happened: English keeps the RFC 7231 form it always had; other languages a long date in
 * their own words. Both in UTC, the server not knowing the reader's zone.
 */
function writtenWhen(when: Date, locale: Locale): string {
  if (locale === "en") return when.toUTCString();
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "long", timeZone: "UTC" }).format(when);
}

/**
 * Tells the user about a change to their account through the email they had before the change
 * (security.md item 9), with a way to report it if it was not them. In `locale` (the language of the
 * request that made the change, RequestMeta.locale), else the request's own, else English.
 */
export async function notifyAccountChange(options: {
  email: string;
  action: keyof typeof headlineKeys | string;
  /** What the change was about: a browser's name, or deviceText(device), or a count (a Text). */
  deviceLabel?: Message;
  /** A line about what the change leaves (how many recovery codes are left). */
  detail?: Message;
  when?: Date;
  locale?: Locale;
}) {
  const locale = await emailLocale(options.locale);
  const t = translatorFor(locale, "emails");
  const word = (message: Message) => (typeof message === "string" ? message : translate(locale, message));
  const { companyName } = await currentBranding();
  const headlineKey: Headline = headlineKeys[options.action as keyof typeof headlineKeys] ?? "other";
  const headline = t(`accountChange.headlines.${headlineKey}`);
  const lines = [
    t("accountChange.headlineLine", { headline }),
    options.deviceLabel ? t("accountChange.device", { device: word(options.deviceLabel) }) : undefined,
    options.detail ? word(options.detail) : undefined,
    t("accountChange.when", { when: writtenWhen(options.when ?? new Date(), locale) }),
    "",
    t("accountChange.footer", { devicesUrl: `${config().appUrl}/devices`, companyName }),
  ].filter((l) => l !== undefined);
  // The subject reads the headline as part of a sentence: lower case after the company's name.
  const subject = t("accountChange.subject", { companyName, headline: headline.charAt(0).toLowerCase() + headline.slice(1) });
  await sendEmail({ to: options.email, subject, text: lines.join("\n") });
}
