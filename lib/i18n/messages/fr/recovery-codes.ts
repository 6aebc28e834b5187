import type { Catalogue } from "@/lib/i18n/messages/en";

/** Recovery codes: shown once when made, and their summary on the device list. */
export const recoveryCodes: Catalogue["recoveryCodes"] = {
  once: {
    heading: "Enregistrez vos codes de secours",
    introFirstDevice: "Votre appareil est prêt. Si vous le perdez un jour, l'un de ces codes vous permet de vous connecter à sa place, pour pouvoir le remplacer.",
    introRenewed: "Vos nouveaux codes de secours. Les anciens ne fonctionnent plus. Si vous perdez vos appareils, l'un de ces codes vous permet de vous connecter à leur place.",
    gone: "Ces codes ne peuvent plus être affichés. Créez-en de nouveaux depuis votre liste d'appareils.",
    listLabel: "Vos codes de secours",
    keep: "Conservez-les en lieu sûr, à l'écart de vos appareils\u00a0: dans un gestionnaire de mots de passe, ou imprimés et rangés. Chaque code ne sert qu'une fois, et nous ne les affichons que cette fois-ci.",
    copy: "Copier",
    download: "Télécharger (.txt)",
    print: "Imprimer",
    copied: "Copiés dans le presse-papiers.",
    copyFailed: "La copie n'est pas autorisée ici\u00a0: sélectionnez les codes et copiez-les.",
    formLabel: "Codes de secours enregistrés",
    saved: "J'ai enregistré mes codes",
    fileTitle: "Codes de secours {company}",
    fileMade: "Créés le {date}. Chaque code ne sert qu'une fois.",
  },
  summary: {
    heading: "Codes de secours",
    intro: "Si vous perdez vos appareils, un code de secours vous permet de vous connecter à leur place. Chaque code ne sert qu'une fois.",
    count: "{left} sur {total} restants",
    made: "· créés le {date}",
    none: "Vous n'avez pas encore de codes de secours.",
    allUsed: "Vous avez utilisé tous vos codes de secours. Créez-en de nouveaux maintenant.",
    low: "Il ne reste {left, plural, one {qu’# code de secours} other {que # codes de secours}}. Créez-en de nouveaux pour ne pas risquer de perdre l'accès à votre compte.",
    locked: "Après trop de codes erronés, vos codes de secours sont verrouillés jusqu'au {time}.",
    actionsLabel: "Actions sur les codes de secours",
    generateNew: "Créer de nouveaux codes",
    generate: "Créer des codes",
    voided: "Vos codes actuels cessent de fonctionner dès que de nouveaux sont créés.",
  },
  notices: {
    ready: "Vos nouveaux codes de secours sont prêts. Les anciens ne fonctionnent plus.",
  },
  errors: {
    busy: "Trop de tentatives simultanées. Patientez un instant et réessayez.",
  },
};
