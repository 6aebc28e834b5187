import "server-only";
import { config } from "@/lib/config";
import { supportedLocale } from "@/lib/i18n/locales";
import { currentBranding } from "@/lib/branding/current-branding";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { otpPolicy } from "@/lib/otp/otp-policy";
import { passcodeEmail, passcodeMessage, passcodeVoiceText } from "@/lib/otp/passcode-message";
import type { PasscodePurpose } from "@/lib/otp/passcode-purpose";
import type { PasscodeTemplate } from "@/lib/otp/passcode-template";
import { sendEmail } from "@/lib/notify/send-email";
import { sendSms } from "@/lib/notify/sms/send-sms";
import { placeVoiceCall } from "@/lib/notify/sms/place-voice-call";

/** Issues a passcode for a device and delivers it by the device's own channel. */
export async function sendDevicePasscode(options: {
  userId: string;
  deviceId: string;
  flowExecutionId: string;
  purpose: PasscodePurpose;
  type: "SMS" | "VOICE" | "EMAIL";
  target: string;
  meta: RequestMeta;
  /** An API flow's wording (lib/otp/passcode-template.ts). */
  template?: PasscodeTemplate;
}) {
  const { code } = await issuePasscode({
    userId: options.userId,
    deviceId: options.deviceId,
    flowExecutionId: options.flowExecutionId,
    purpose: options.purpose,
    destination: options.target,
    meta: options.meta,
  });
  const words = {
    code,
    purpose: options.purpose,
    minutes: (await otpPolicy()).ttlMinutes,
    companyName: options.template?.variables?.companyName ?? (await currentBranding()).companyName,
    // An API flow's template names the language; a person in the browser reads their own.
    locale: supportedLocale(options.template?.locale) ?? options.meta.locale,
  };
  switch (options.type) {
    case "SMS":
      return sendSms({ to: options.target, body: passcodeMessage({ ...words, domain: new URL(config().appUrl).hostname, variant: options.template?.variant }) });
    case "VOICE":
      return placeVoiceCall({ to: options.target, text: passcodeVoiceText(words) });
    case "EMAIL":
      return sendEmail({ to: options.target, ...passcodeEmail(words) });
  }
}
