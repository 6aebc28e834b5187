import type { Catalogue } from "@/lib/i18n/messages/en";

/** The language choice on the account page. */
export const language: Catalogue["language"] = {
  heading: "Langue",
  description: "La langue de ces pages et des codes que nous vous envoyons.",
  label: "Langue",
  browser: "Comme mon navigateur",
  save: "Enregistrer la langue",
  saved: "Langue enregistrée.",
  invalid: "Choisissez une des langues de la liste.",
};
