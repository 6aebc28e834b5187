import type { AuthenticatorRequestError } from "@/lib/authenticator-protocol/client";
import { authenticator as english } from "@/lib/i18n/messages/en/authenticator";

export type RefusalKey = keyof typeof english.refusals;

const keyOfWords = new Map(Object.entries(english.refusals).map(([key, words]) => [words as string, key as RefusalKey]));

/**
 * The catalogue key (authenticator.refusals) of a refusal the server or the protocol client gave in
 * English (the endpoints answer in English, lib/authenticator-protocol/errors.ts), found by its words
 * so a refusal with words of its own (a missing email) keeps them; null for words the app does not
 * know, which it then shows as they are.
 */
export function refusalKey(error: AuthenticatorRequestError): RefusalKey | null {
  return keyOfWords.get(error.message) ?? null;
}
