"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "use-intl";

const subscribeToNothing = () => () => {};

/**
 * The locale dates are written in: the page's language (the <html lang> the app serves), in the
 * regional variant the browser prefers when it prefers one of that language ("en-GB" writes
 * "4 Dec 2026"), else the page's language itself, so dates never switch language mid-page.
 */
export function personLocale(): string {
  const page = document.documentElement.lang || navigator.language || "en";
  const base = page.split("-")[0]!.toLowerCase();
  const preferred = (navigator.languages ?? [navigator.language]).find((l) => l.split("-")[0]!.toLowerCase() === base);
  try {
    return Intl.getCanonicalLocales(preferred ?? page)[0] ?? "en";
  } catch {
    return "en";
  }
}

const utc = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const utcDay = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "now": the largest whole unit, in the person's language. */
export function relativeTime(date: Date, now: number, locale: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

/**
 * A moment as the person reads it: in their own time zone and language, which only their browser
 * knows. The server's HTML (and the first render in the browser, which must match it) says the
 * time in UTC and says so; once hydrated the browser writes it its own way. `relative` says
 * "3 minutes ago" (the full time on hover and to assistive technology through the <time> element's
 * title) and keeps itself current.
 */
export function LocalTime({ value, format = "datetime" }: { value: string | Date; format?: "datetime" | "date" | "relative" }) {
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  // Before hydration, in the page's language (the same on the server and in the first render).
  const pageLocale = useLocale();
  const t = useTranslations("common");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (format !== "relative") return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [format]);
  const date = new Date(value);
  const iso = date.toISOString();
  if (!hydrated) return <time dateTime={iso}>{format === "date" ? utcDay(pageLocale).format(date) : t("localTime.utc", { time: utc(pageLocale).format(date) })}</time>;
  const locale = personLocale();
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
  if (format === "date") return <time dateTime={iso} title={full}>{new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date)}</time>;
  if (format === "relative") return <time dateTime={iso} title={full}>{relativeTime(date, now, locale)}</time>;
  return <time dateTime={iso}>{full}</time>;
}
