import type { Catalogue } from "@/lib/i18n/messages/en";

/** The embeddable widget's own frame and messages. */
export const widget: Catalogue["widget"] = {
  title: "Appareils",
  opening: "Ouverture de vos appareils…",
  unreachable: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  notEmbeddable: "Cette page ne peut pas être intégrée ici. Demandez au propriétaire du site d'autoriser son origine.",
  invalidRequest: "Cette requête du widget n'est pas valide.",
  linkSpent: "Ce lien du widget a expiré ou a déjà été utilisé. Rechargez la page pour l'ouvrir de nouveau.",
  result: {
    cancelled: "Annulé. Vous pouvez fermer cette fenêtre.",
    done: "Terminé. Vous pouvez fermer cette fenêtre.",
    failed: "Un problème est survenu.",
  },
  demo: {
    heading: "Résultat reçu par la page hôte",
    outcome: "Issue\u00a0: {value}",
    noResult: "(pas encore de résultat)",
  },
};
