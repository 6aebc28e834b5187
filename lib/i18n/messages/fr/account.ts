import type { Catalogue } from "@/lib/i18n/messages/en";

/** The account overview page. */
export const account: Catalogue["account"] = {
  title: "Votre compte",
  hello: "Bonjour, {name}",
  security: {
    heading: "Validation en deux étapes",
    status: "{on, select, true {Activée} other {Désactivée}} · {active, plural, one {# appareil actif} other {# appareils actifs}}",
    manage: "Gérer les appareils",
  },
  activity: {
    heading: "Activité de sécurité récente",
    empty: "Rien pour le moment.",
    what: "Quoi",
    when: "Quand",
    from: "Depuis",
    unknown: "inconnu",
  },
};
