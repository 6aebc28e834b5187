import "server-only";
import type { SmsVoiceProvider } from "@/lib/notify/sms/sms-voice-provider";
import { voiceTwiml } from "@/lib/notify/sms/voice-twiml";

export type HttpSmsVoiceSettings = {
  apiBaseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/**
 * The REST shape most hosted SMS and voice APIs share (Twilio's and its look-alikes): a form-encoded POST
 * to /Accounts/{sid}/Messages.json or /Calls.json with HTTP basic auth.
 */
export function createHttpSmsVoiceProvider(settings: HttpSmsVoiceSettings): SmsVoiceProvider {
  const base = settings.apiBaseUrl.replace(/\/$/, "");
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;

  async function post(resource: "Messages" | "Calls", form: Record<string, string>) {
    const doFetch = settings.fetch ?? fetch;
    const url = `${base}/Accounts/${encodeURIComponent(settings.accountSid)}/${resource}.json`;
    const response = await doFetch(url, {
      method: "POST",
      headers: { authorization, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      // A hung provider must not hold a sign-in request open.
      signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 300);
      // For the server log only: the caller answers the browser with a generic message.
      throw new Error(`SMS/voice provider refused ${resource}: HTTP ${response.status} ${detail}`);
    }
  }

  return {
    sendSms: (to, body) => post("Messages", { To: to, From: settings.from, Body: body }),
    placeVoiceCall: (to, spokenText) => post("Calls", { To: to, From: settings.from, Twiml: voiceTwiml(spokenText) }),
  };
}
