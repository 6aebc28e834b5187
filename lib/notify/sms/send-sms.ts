import "server-only";
import { keepInOutbox } from "@/lib/notify/outbox";
import { configuredSmsVoiceProvider } from "@/lib/notify/sms/configured-provider";
import type { SmsVoiceProvider } from "@/lib/notify/sms/sms-voice-provider";

/** Texts `to` (E.164), keeping a copy in the outbox outside production, like sendEmail. */
export async function sendSms(options: { to: string; body: string; provider?: SmsVoiceProvider }) {
  await keepInOutbox({ channel: "sms", to: options.to, body: options.body });
  const provider = options.provider ?? configuredSmsVoiceProvider();
  if (provider) await provider.sendSms(options.to, options.body);
}
