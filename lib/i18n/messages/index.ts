import type { Locale } from "@/lib/i18n/locales";
import { en, type Catalogue } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";

const catalogues: Record<Locale, Catalogue> = { en, fr };

export function catalogue(locale: Locale): Catalogue {
  return catalogues[locale];
}
export type { Catalogue };
