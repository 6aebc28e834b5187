import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { catalogue, type Catalogue } from "@/lib/i18n/messages";

/**
 * A message the domain has for a person (a wrong code, a locked device), kept as its catalogue key
 * and values, so each door words it in its reader's language: the pages in the person's, the flow
 * API and the logs in English. Values are strings and numbers only, so a Text survives JSON (a flow's
 * stored section); a time is passed written already (formatUtc), the server not knowing the reader's zone.
 */
export type Text = { key: MessageKey; values?: MessageValues };
export type MessageValues = Record<string, string | number>;

/** "namespace.key" (or deeper) for every string in the catalogue: a key that does not exist is a type error. */
export type MessageKey = Leaves<Catalogue>;
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export const text = (key: MessageKey, values?: MessageValues): Text => (values ? { key, values } : { key });

export function translate(locale: Locale, message: Text): string {
  const t = createTranslator({ locale, messages: catalogue(locale), timeZone: "UTC" });
  return t(message.key, message.values as never);
}

export const inEnglish = (message: Text) => translate(DEFAULT_LOCALE, message);

/** A Text has exactly `key` (a dotted catalogue path) and maybe `values`: section data with a `key` field of its own is not one. */
export function isText(value: unknown): value is Text {
  if (!value || typeof value !== "object") return false;
  const { key, values, ...rest } = value as Record<string, unknown>;
  return typeof key === "string" && /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/.test(key) && (values === undefined || typeof values === "object") && Object.keys(rest).length === 0;
}

/** A message not yet worded: a Text, or a string that has no translation yet (or needs none). */
export type Message = string | Text;

export const englishOf = (message: Message) => (isText(message) ? inEnglish(message) : message);

/**
 * `value` with every Text in it worded in `locale`, however deep: a door's last step before it sends a
 * flow's view (the pages in the reader's language, the flow API in English), so sections may carry
 * Texts anywhere in their data.
 */
export function wordMessages<T>(value: T, locale: Locale): T {
  if (isText(value)) return translate(locale, value) as T;
  if (Array.isArray(value)) return value.map((item) => wordMessages(item, locale)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wordMessages(item, locale)])) as T;
  }
  return value;
}

/** A message as a stored result carries it (a Text, or a string), or undefined for anything else. */
export const messageIn = (value: unknown): Message | undefined => (isText(value) || typeof value === "string" ? value : undefined);
