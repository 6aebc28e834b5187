import type { Locale } from "@/lib/i18n/locales";
import { en, type Catalogue } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";

const catalogues: Record<Locale, Catalogue> = { en, fr };

export function catalogue(locale: Locale): Catalogue {
  return catalogues[locale];
}
export type { Catalogue };

/**
 * The namespaces a page's client components may ask for. The server-only ones (the texts and emails
 * we send) stay on the server, and the admin console's words are added by its own layout, so a
 * person's page does not carry the console's catalogue.
 */
const SERVER_ONLY = ["passcode", "emails"] as const;
const CONSOLE_ONLY = ["admin"] as const;

export function clientCatalogue(locale: Locale, options: { console?: boolean } = {}): Partial<Catalogue> {
  const omitted: readonly string[] = options.console ? SERVER_ONLY : [...SERVER_ONLY, ...CONSOLE_ONLY];
  return Object.fromEntries(Object.entries(catalogue(locale)).filter(([namespace]) => !omitted.includes(namespace))) as Partial<Catalogue>;
}
