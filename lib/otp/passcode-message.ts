import type { PasscodePurpose } from "@/lib/otp/passcode-purpose";
import type { PasscodeTemplate } from "@/lib/otp/passcode-template";

/**
 * The words that carry a passcode, for SMS, voice and email. Each says what the code is for and for how
 * long it works, so a code that arrives unasked for is noticed, and never asks the reader to share it.
 */
export type PasscodeMessageOptions = {
  code: string;
  purpose: PasscodePurpose;
  minutes: number;
  companyName: string;
};

const doing: Record<PasscodePurpose, string> = {
  enrolment: "to add this device to your account",
  "sign-in": "to sign in",
  "step-up": "to confirm a change to your account security",
};

const minutesText = (minutes: number) => `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;

/**
 * SMS text. With `domain`, the last line is an origin-bound code (`@example.com #123456`): phones offer
 * to fill it in only on that site, which also makes the code harder to phish.
 */
export function passcodeMessage(options: PasscodeMessageOptions & { domain?: string; variant?: PasscodeTemplate["variant"] }): string {
  const expiry = `It expires in ${minutesText(options.minutes)}.`;
  // The short variant (one SMS segment) still names the company and the expiry, and keeps the
  // origin-bound line; what the code is for and the warning are what it leaves out.
  const lines =
    options.variant === "short"
      ? [`${options.code} is your ${options.companyName} code. ${expiry}`]
      : [
          `${options.code} is your ${options.companyName} code ${doing[options.purpose]}. ${expiry}`,
          `Don't share it: ${options.companyName} will never ask you for it.`,
        ];
  if (options.domain) lines.push("", `@${options.domain} #${options.code}`);
  return lines.join("\n");
}

/** Digits are spoken one by one and the code is said twice, because a listener cannot scroll back. */
export function passcodeVoiceText(options: PasscodeMessageOptions): string {
  const spoken = options.code.split("").join(", ");
  return [
    `This is ${options.companyName}. Your code ${doing[options.purpose]} is: ${spoken}.`,
    `Again, your code is: ${spoken}.`,
    `It expires in ${minutesText(options.minutes)}. Don't share it with anyone.`,
  ].join(" ");
}

export function passcodeEmail(options: PasscodeMessageOptions): { subject: string; text: string } {
  return {
    subject: `${options.companyName}: your code ${doing[options.purpose]}`,
    text: [
      `Your ${options.companyName} code ${doing[options.purpose]} is:`,
      "",
      options.code,
      "",
      `It expires in ${minutesText(options.minutes)} and works once.`,
      `Don't share it: ${options.companyName} will never ask you for it.`,
      "If you did not ask for this code, someone may know your password. You can ignore this message,",
      "and consider changing your password.",
    ].join("\n"),
  };
}
