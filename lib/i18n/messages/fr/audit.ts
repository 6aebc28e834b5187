import type { Catalogue } from "@/lib/i18n/messages/en";

/** Audit events as people read them: what happened, in the account activity and the admin console. */
export const audit: Catalogue["audit"] = {
  user: {
    signedUp: "Compte créé",
    signedIn: "Connexion",
    signInFailed: "Tentative de connexion échouée",
    signedOut: "Déconnexion",
    magicLinkSent: "Lien de connexion envoyé",
    emailVerificationSent: "Lien de confirmation de l'e-mail envoyé",
    emailVerified: "Adresse e-mail confirmée",
    signUpRepeated: "Quelqu'un a essayé de créer un compte avec votre e-mail",
    passwordResetRequested: "Lien de réinitialisation du mot de passe envoyé",
    passwordReset: "Mot de passe réinitialisé\u00a0; toutes les sessions déconnectées",
    reauthenticated: "Identité confirmée",
    provisioned: "Compte créé par une application",
    signedOutEverywhere: "Déconnecté partout par un administrateur",
    sessionSignedOut: "Une autre session déconnectée",
    signedOutOthers: "Toutes les autres sessions déconnectées",
    unknownBrowserRefused: "Connexion refusée\u00a0: le navigateur n'était pas enregistré",
  },
  mfa: {
    enabled: "Validation en deux étapes activée",
    disabled: "Validation en deux étapes désactivée",
    reset: "Validation en deux étapes réinitialisée par un administrateur",
  },
  device: {
    added: "Appareil ajouté",
    activated: "Appareil activé",
    renamed: "Appareil renommé",
    madeDefault: "Appareil par défaut changé",
    blocked: "Appareil bloqué",
    unblocked: "Appareil débloqué",
    removed: "Appareil supprimé",
    locked: "Appareil verrouillé après trop de codes erronés",
    cloneSuspected: "Appareil bloqué\u00a0: il a peut-être été copié",
    paired: "Téléphone associé",
    pairingRefused: "Une clé d'association déjà utilisée ou expirée a été refusée",
    lockedByAdmin: "Appareil verrouillé par un administrateur",
    unlocked: "Appareil déverrouillé",
  },
  otp: {
    sent: "Code de vérification envoyé",
    failed: "Code de vérification erroné saisi",
  },
  totp: {
    replayRefused: "Un code d'authentification déjà utilisé a été refusé",
  },
  recoveryCodes: {
    generated: "Nouveaux codes de récupération créés",
    locked: "Codes de récupération verrouillés après trop de codes erronés",
  },
  recoveryCode: {
    used: "Connexion avec un code de récupération",
    failed: "Code de récupération erroné saisi",
  },
  flow: {
    redemptionRefused: "Un autre navigateur a essayé de terminer votre connexion",
  },
  application: {
    created: "Application d'API créée",
    revoked: "Application d'API révoquée",
    rotated: "Secret de l'application d'API renouvelé",
  },
  widget: {
    originsUpdated: "Origines du widget modifiées",
    tokenIssued: "Un site a demandé à ouvrir les réglages de vos appareils",
    opened: "Réglages des appareils ouverts sur un site",
    tokenRefused: "Un lien de réglages des appareils déjà utilisé a été refusé",
  },
  push: {
    sent: "Demande de connexion envoyée à votre téléphone",
    approved: "Connexion approuvée sur votre téléphone",
    denied: "Connexion refusée sur votre téléphone",
    numberMismatch: "Mauvais nombre choisi sur votre téléphone",
  },
  deviceKey: {
    registered: "Navigateur enregistré",
    verified: "Navigateur enregistré reconnu",
    refused: "Un navigateur n'a pas été reconnu",
    renamed: "Navigateur renommé",
    blocked: "Navigateur bloqué",
    unblocked: "Navigateur débloqué",
    forgotten: "Navigateur oublié",
    rememberedForgotten: "Navigateurs mémorisés réinitialisés",
  },
  policy: {
    updated: "Règles d'authentification des appareils modifiées",
  },
  branding: {
    updated: "Image de marque et fonctionnalités modifiées",
  },
  audit: {
    exported: "Journal d'audit exporté",
  },
};
