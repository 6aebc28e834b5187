import "server-only";
import { config } from "@/lib/config";
import { createHttpSmsVoiceProvider } from "@/lib/notify/sms/http-sms-voice-provider";
import type { SmsVoiceProvider } from "@/lib/notify/sms/sms-voice-provider";

let provider: SmsVoiceProvider | undefined;

/**
 * The HTTP provider when SMS_* is configured. Without it, development and test deliver to the outbox
 * only; production refuses, because a code that silently goes nowhere locks people out.
 */
export function configuredSmsVoiceProvider(): SmsVoiceProvider | undefined {
  const { sms, appEnv } = config();
  if (!sms) {
    if (appEnv === "production") throw new Error("SMS and voice delivery is not configured: set SMS_API_BASE_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM.");
    return undefined;
  }
  provider ??= createHttpSmsVoiceProvider(sms);
  return provider;
}
