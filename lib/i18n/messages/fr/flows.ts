import type { Catalogue } from "@/lib/i18n/messages/en";

/** The flow host every flow page and the widget share (see ../en/flows.ts). */
export const flows: Catalogue["flows"] = {
  unreachable: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  notFinished: "Nous n'avons pas pu terminer votre connexion. Déconnectez-vous, puis reconnectez-vous.",
  signingIn: "Vérifié. Connexion en cours…",
  expired: "Cette page a expiré. Rechargez-la pour recommencer.",
  newRecoveryCodes:
    "Vos nouveaux codes de récupération. Les anciens ne fonctionnent plus. Si vous perdez vos appareils, l'un de ces codes vous permet de vous connecter à la place.",
};
