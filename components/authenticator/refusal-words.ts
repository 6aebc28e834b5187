import type { AuthenticatorRequestError } from "@/lib/authenticator-protocol/client";
import { authenticator as english } from "@/lib/i18n/messages/en/authenticator";

export type RefusalKey = keyof typeof english.refusals;

const keyOfWords = new Map(Object.entries(english.refusals).map(([key, words]) => [words as string, key as RefusalKey]));

/**
 * The catalogue key (authenticator.refusals) of a refusal the server or the protocol client gave in
 * English (the endpoints answer in English, lib/authenticator-protocol/errors.ts): found by its words,
 * so a refusal with words of its own (a missing email, a wrong number) keeps them. Words the app does
 * not know (a wait written by the server) are shown as they are in English, and in another language
 * as their code's general refusal; null when even the code is unknown.
 */
export function refusalKey(error: AuthenticatorRequestError, locale: string): RefusalKey | null {
  const byWords = keyOfWords.get(error.message);
  if (byWords) return byWords;
  return locale !== "en" && Object.hasOwn(english.refusals, error.code) ? (error.code as RefusalKey) : null;
}
