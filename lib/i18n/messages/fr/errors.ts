import type { Catalogue } from "@/lib/i18n/messages/en";

/** Messages of the domain and the doors (see ../en/errors.ts). */
export const errors: Catalogue["errors"] = {
  generic: "Un problème est survenu de notre côté. Rien n'a été modifié\u00a0; veuillez réessayer.",
  busy: "Le service est très sollicité. Rien n'a été modifié\u00a0; veuillez réessayer.",
  correctFields: "Veuillez corriger les champs signalés.",
  code: {
    invalid: "Ce code n'est pas le bon. Vérifiez-le et réessayez.",
    invalidAttemptsLeft: "Ce code n'est pas le bon. {left, plural, one {# essai restant} other {# essais restants}}.",
    expired: "Ce code a expiré ou a été remplacé par un plus récent. Demandez un nouveau code.",
    exhausted: "Ce code ne peut plus être utilisé après trop d'essais erronés. Demandez un nouveau code.",
    locked: "Trop de codes erronés. Pour votre sécurité, cet appareil est verrouillé jusqu'au {until}. Vous pouvez utiliser un autre appareil en attendant.",
    replayed: "Ce code a déjà été utilisé. Attendez le code suivant dans votre application d'authentification.",
    rateLimited: "Trop de codes ont été envoyés. Réessayez après le {until}.",
    noMoreResends: "Vous avez demandé le nombre maximal de nouveaux codes. Utilisez le dernier code reçu, ou recommencez plus tard.",
  },
  device: {
    lockedUseAnother: "Cet appareil est verrouillé jusqu'au {until}. Utilisez un autre appareil, ou réessayez après cette heure.",
    lockedContactSupport: "Cet appareil est verrouillé jusqu'au {until}. Réessayez après cette heure, ou contactez l'assistance.",
  },
};
