import type { Catalogue } from "@/lib/i18n/messages/en";

/** Words every page shares (see ../en/common.ts). */
export const common: Catalogue["common"] = {
  cancel: "Annuler",
  brand: {
    home: "Accueil {companyName}",
    homeFallback: "Accueil",
  },
  metadata: {
    title: "Compte {companyName}",
    titleTemplate: "%s · {companyName}",
    description: "Gérez vos appareils de connexion et de sécurité {companyName}.",
  },
  errorPage: {
    title: "Un problème est survenu",
    body: "Nous n'avons pas pu afficher cette page. Rien n'a été modifié. Veuillez réessayer dans un instant.",
    tryAgain: "Réessayer",
    goToAccount: "Aller à votre compte",
  },
  notFound: {
    metaTitle: "Introuvable",
    title: "Page introuvable",
    body: "Cette page n'existe pas, ou vous n'avez pas le droit de la voir. Si vous avez suivi un lien, il a peut-être expiré.",
  },
  countryPicker: {
    hint: "Tapez le nom d'un pays ou son indicatif pour le chercher.",
    options: "{label} (options)",
    noMatch: "Aucun pays ne correspond à «\u00a0{query}\u00a0».",
  },
  localTime: {
    utc: "{time} UTC",
  },
};
