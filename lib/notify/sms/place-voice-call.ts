import "server-only";
import { keepInOutbox } from "@/lib/notify/outbox";
import { configuredSmsVoiceProvider } from "@/lib/notify/sms/configured-provider";
import type { SmsVoiceProvider } from "@/lib/notify/sms/sms-voice-provider";

/** Calls `to` (E.164) and reads `text` aloud; the outbox keeps the text outside production. */
export async function placeVoiceCall(options: { to: string; text: string; provider?: SmsVoiceProvider }) {
  await keepInOutbox({ channel: "voice", to: options.to, body: options.text });
  const provider = options.provider ?? configuredSmsVoiceProvider();
  if (provider) await provider.placeVoiceCall(options.to, options.text);
}
