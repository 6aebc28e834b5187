import type { Catalogue } from "@/lib/i18n/messages/en";

/** Emails about account changes, sign-in links, verification and password reset (see ../en/emails.ts). */
export const emails: Catalogue["emails"] = {
  magicLink: {
    subject: "Votre lien de connexion {companyName}",
    body: "Utilisez ce lien pour vous connecter à {companyName}. Il ne fonctionne qu'une fois, pendant {minutes, plural, one {# minute} other {# minutes}}\u00a0:\n\n{link}\n\nSi vous ne l'avez pas demandé, ignorez cet e-mail\u00a0: personne ne peut se connecter sans ouvrir le lien.",
  },
  flowMagicLink: {
    subject: "Confirmez votre connexion à {companyName}",
    body: "Quelqu'un, sans doute vous, se connecte à {companyName}. Ouvrez ce lien pour confirmer que c'est bien vous. Il ne fonctionne qu'une fois, pendant {minutes, plural, one {# minute} other {# minutes}}\u00a0:\n\n{link}\n\nSi ce n'est pas vous, n'ouvrez pas le lien et changez votre mot de passe.",
  },
  emailVerification: {
    subject: "Confirmez votre adresse e-mail pour {companyName}",
    body: "Quelqu'un, sans doute vous, a créé un compte {companyName} avec cette adresse e-mail. Ouvrez ce lien pour la confirmer. Il ne fonctionne qu'une fois, pendant {minutes, plural, one {# minute} other {# minutes}}\u00a0:\n\n{link}\n\nSi vous n'avez pas créé ce compte, ignorez cet e-mail\u00a0: le compte ne peut pas être utilisé tant que l'adresse n'est pas confirmée.",
  },
  passwordReset: {
    subject: "Réinitialisez votre mot de passe {companyName}",
    body: "Quelqu'un, sans doute vous, a demandé à réinitialiser le mot de passe de votre compte {companyName}. Ouvrez ce lien pour en choisir un nouveau. Il ne fonctionne qu'une fois, pendant {minutes, plural, one {# minute} other {# minutes}}\u00a0:\n\n{link}\n\nSi vous ne l'avez pas demandé, ignorez cet e-mail\u00a0: votre mot de passe reste inchangé.",
  },
  signUpRepeated: {
    subject: "Quelqu'un a essayé de créer un compte {companyName} avec votre adresse e-mail",
    body: "Quelqu'un, peut-être vous, a essayé de créer un compte {companyName} avec cette adresse e-mail. Vous en avez déjà un\u00a0: rien n'a été créé ni modifié.\n\nPour vous connecter, allez sur {signInUrl} et utilisez votre mot de passe, ou demandez-y un lien de connexion par e-mail si vous l'avez oublié.\n\nSi ce n'était pas vous, vous n'avez rien à faire\u00a0: votre compte est tel qu'il était.",
  },
  accountChange: {
    subject: "{companyName}\u00a0: {headline}",
    headlineLine: "{headline}.",
    device: "Appareil\u00a0: {device}",
    when: "Quand\u00a0: {when}",
    footer: "Si c'était vous, vous n'avez rien à faire.\nSi ce n'était pas vous, vérifiez vos appareils sur {devicesUrl} et changez votre mot de passe,\nou signalez-le en répondant à ce message pour que l'équipe sécurité de {companyName} vous aide.",
    headlines: {
      deviceAdded: "Un nouvel appareil de connexion a été ajouté à votre compte",
      deviceRenamed: "Un de vos appareils de connexion a été renommé",
      deviceMadeDefault: "Votre appareil de connexion par défaut a changé",
      deviceBlocked: "Un de vos appareils de connexion a été bloqué",
      deviceUnblocked: "Un de vos appareils de connexion a été débloqué",
      deviceRemoved: "Un appareil de connexion a été retiré de votre compte",
      mfaEnabled: "La validation en deux étapes a été activée",
      mfaDisabled: "La validation en deux étapes a été désactivée",
      deviceKeyRegistered: "Un navigateur a été enregistré sur votre compte",
      deviceKeyRenamed: "Un de vos navigateurs enregistrés a été renommé",
      deviceKeyBlocked: "Un de vos navigateurs enregistrés a été bloqué",
      deviceKeyUnblocked: "Un de vos navigateurs enregistrés a été débloqué",
      deviceKeyForgotten: "Un navigateur enregistré a été retiré de votre compte",
      deviceLockedByAdmin: "Un de vos appareils de connexion a été verrouillé par un administrateur",
      deviceUnlocked: "Un de vos appareils de connexion a été déverrouillé",
      mfaReset: "Un administrateur a réinitialisé votre validation en deux étapes\u00a0: vos appareils de connexion ont été retirés et elle est désactivée",
      signedOutEverywhere: "Un administrateur vous a déconnecté sur tous vos appareils",
      sessionSignedOut: "Une de vos sessions a été déconnectée depuis la page de votre compte",
      signedOutOthers: "Toutes vos autres sessions ont été déconnectées depuis la page de votre compte",
      passwordReset: "Votre mot de passe a été réinitialisé et toutes les sessions de votre compte ont été déconnectées",
      recoveryCodeUsed: "Un code de récupération a été utilisé pour vous connecter à votre compte",
      recoveryCodesGenerated: "De nouveaux codes de récupération ont été créés pour votre compte, et les anciens ne fonctionnent plus",
      other: "Les paramètres de sécurité de votre compte ont changé",
    },
    deviceLabel: '{type, select, SMS {SMS} EMAIL {E-mail} VOICE {Appel vocal} TOTP {Application d\'authentification} PLATFORM {Clé d\'accès} SECURITY_KEY {Clé de sécurité} MOBILE {Application mobile} other {Appareil}} «\u00a0{nickname}\u00a0»',
    devicesRemoved: "{count, plural, one {# appareil retiré} other {# appareils retirés}}",
    browsers: "{count, plural, one {# navigateur} other {# navigateurs}}",
    browserReplacing: "{name} ({count, plural, one {le navigateur enregistré avant lui a été retiré} other {les # navigateurs enregistrés avant lui ont été retirés}})",
    recoveryCodesLeft: "Il vous reste {left, plural, one {# code de récupération} other {# codes de récupération}}.",
    recoveryCodesLeftLow: "Il vous reste {left, plural, one {# code de récupération} other {# codes de récupération}}. Créez-en de nouveaux bientôt sur la page de vos appareils.",
  },
};
