import type { Locale } from "@/lib/i18n/locales";
import type { Catalogue } from "@/lib/i18n/messages/en";

// useTranslations("namespace") and its t("key") are checked against English's catalogue: a key that
// does not exist, or a message's missing value, is a type error rather than a blank on the page.
declare module "use-intl" {
  interface AppConfig {
    Messages: Catalogue;
    Locale: Locale;
  }
}
