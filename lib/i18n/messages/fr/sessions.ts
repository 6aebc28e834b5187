import type { Catalogue } from "@/lib/i18n/messages/en";

/** Your sessions. */
export const sessions: Catalogue["sessions"] = {
  title: "Vos sessions",
  heading: "Vos sessions",
  intro:
    "Chaque navigateur où votre compte est connecté en ce moment. Si vous n'en reconnaissez pas un, déconnectez-le et changez votre mot de passe. Déconnecter une session y met fin aussitôt\u00a0: son prochain clic mène à la page de connexion.",
  listLabel: "Sessions connectées",
  name: {
    both: "{browser} sur {system}",
    unknown: "Navigateur inconnu",
  },
  itemLabel: "{name}, ce navigateur",
  thisBrowser: "Ce navigateur",
  pending: "Deuxième étape non faite",
  signedIn: "Connexion",
  lastActive: "Dernière activité",
  now: "Maintenant",
  from: "Depuis",
  place: "{place} (approximatif){hasIp, select, true { · {ip}} other {}}",
  addressUnknown: "Adresse inconnue",
  pendingHint:
    "Quelqu'un a saisi ici le mot de passe de ce compte, mais pas la deuxième étape. Si ce n'était pas vous, déconnectez cette session et changez votre mot de passe.",
  signOut: "Déconnecter",
  signOutLabel: "Déconnecter {name}",
  signingOut: "Déconnexion…",
  confirmOne: {
    label: "Confirmer\u00a0: déconnecter {name}",
    button: "Oui, la déconnecter",
    body: "{name} sera déconnecté aussitôt. Quiconque l'utilise devra se reconnecter, avec le mot de passe{pending, select, true {} other { et la deuxième étape}}.",
  },
  onlyOne: "Ce navigateur est le seul endroit où votre compte est connecté.",
  confirmOthers: {
    label: "Confirmer\u00a0: déconnecter toutes les autres sessions",
    button: "Oui, les déconnecter",
    body: "Toutes les sessions sauf celle de ce navigateur seront déconnectées aussitôt ({count}). Chacune devra se reconnecter.",
  },
  signOutOthers: "Déconnecter toutes les autres sessions",
  answer: {
    signedOut: "{browser} est déconnecté. Sa prochaine requête mènera à la page de connexion.",
    signedOutSession: "Cette session est déconnectée. Sa prochaine requête mènera à la page de connexion.",
    noOthers: "Aucune autre session n'était connectée.",
    signedOutOthers: "{count, plural, one {1 autre session déconnectée} other {# autres sessions déconnectées}}. Ce navigateur reste connecté.",
  },
  errors: {
    gone: "Cette session a déjà pris fin.",
    ended: "Votre session a pris fin. Veuillez vous reconnecter.",
    current: "C'est la session que vous utilisez. Utilisez «\u00a0Se déconnecter\u00a0» en haut de la page pour y mettre fin.",
  },
};
