import type { PasscodePurpose } from "@/lib/otp/passcode-purpose";
import type { PasscodeTemplate } from "@/lib/otp/passcode-template";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The words that carry a passcode, for SMS, voice and email. Each says what the code is for and for how
 * long it works, so a code that arrives unasked for is noticed, and never asks the reader to share it.
 */
export type PasscodeMessageOptions = {
  code: string;
  purpose: PasscodePurpose;
  minutes: number;
  companyName: string;
  /** The reader's language (lib/i18n); English when not given. */
  locale?: Locale;
};

const doingKey = { enrolment: "enrolment", "sign-in": "signIn", "step-up": "stepUp" } as const satisfies Record<PasscodePurpose, string>;

function words(options: PasscodeMessageOptions) {
  const t = translatorFor(options.locale ?? DEFAULT_LOCALE, "passcode");
  const values = { code: options.code, company: options.companyName, minutes: options.minutes, doing: t(`doing.${doingKey[options.purpose]}`) };
  return { t, values };
}

/**
 * SMS text. With `domain`, the last line is an origin-bound code (`@example.com #123456`): phones offer
 * to fill it in only on that site, which also makes the code harder to phish.
 */
export function passcodeMessage(options: PasscodeMessageOptions & { domain?: string; variant?: PasscodeTemplate["variant"] }): string {
  const { t, values } = words(options);
  const expiry = t("expiry", values);
  // The short variant (one SMS segment) still names the company and the expiry, and keeps the
  // origin-bound line; what the code is for and the warning are what it leaves out.
  const lines = options.variant === "short" ? [t("smsShort", { ...values, expiry })] : [t("sms", { ...values, expiry }), t("dontShare", values)];
  if (options.domain) lines.push("", `@${options.domain} #${options.code}`);
  return lines.join("\n");
}

/** Digits are spoken one by one and the code is said twice, because a listener cannot scroll back. */
export function passcodeVoiceText(options: PasscodeMessageOptions): string {
  const { t, values } = words(options);
  const spoken = options.code.split("").join(", ");
  return [t("voiceCode", { ...values, spoken }), t("voiceAgain", { spoken }), t("voiceExpiry", values)].join(" ");
}

export function passcodeEmail(options: PasscodeMessageOptions): { subject: string; text: string } {
  const { t, values } = words(options);
  return {
    subject: t("emailSubject", values),
    text: [t("emailIntro", values), "", options.code, "", t("emailExpiry", values), t("dontShare", values), t("emailNotYou"), t("emailNotYouAdvice")].join("\n"),
  };
}
