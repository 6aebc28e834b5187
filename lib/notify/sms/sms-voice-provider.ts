/** Something that can text and call a phone number (E.164). Resolves once the provider accepted the message. */
export interface SmsVoiceProvider {
  sendSms(to: string, body: string): Promise<void>;
  placeVoiceCall(to: string, spokenText: string): Promise<void>;
}
