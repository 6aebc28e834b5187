import type { Catalogue } from "@/lib/i18n/messages/en";

/** Your browsers (device keys and remembered browsers). */
export const browsers: Catalogue["browsers"] = {
  title: "Vos navigateurs",
  heading: "Vos navigateurs",
  intro:
    "Les navigateurs enregistrés sur votre compte quand vous avez choisi «\u00a0Se souvenir de ce navigateur\u00a0» à la connexion. Un navigateur mémorisé se passe de la deuxième étape jusqu'à la date indiquée, jamais du mot de passe. Oubliez ou bloquez celui que vous n'utilisez plus ou que vous ne reconnaissez pas.",
  empty:
    "Aucun navigateur n'est enregistré sur votre compte. Quand vous vous connectez avec la validation en deux étapes, cochez «\u00a0Se souvenir de ce navigateur\u00a0» et ce navigateur est enregistré ici\u00a0: pendant les {days} jours suivants, ses connexions ne demandent que votre mot de passe. Vous pouvez l'oublier ou le bloquer ici à tout moment.",
  listLabel: "Navigateurs enregistrés",
  thisBrowser: "Ce navigateur",
  blocked: "Bloqué",
  active: "Actif",
  registered: "Enregistré le",
  lastSeen: "Vu pour la dernière fois",
  lastSeenAt: "{time}{hasIp, select, true { depuis {ip}} other {, adresse inconnue}}",
  secondFactor: "Deuxième étape",
  rememberedUntil: "Mémorisé jusqu'au {date}",
  notRemembered: "Non mémorisé",
  notWhileBlocked: ", mais pas tant qu'il est bloqué",
  rename: "Renommer",
  renameLabel: "Renommer {name}",
  block: "Bloquer",
  blockLabel: "Bloquer {name}",
  unblock: "Débloquer",
  unblockLabel: "Débloquer {name}",
  forget: "Oublier",
  forgetLabel: "Oublier {name}",
  nameLabel: "Nom du navigateur",
  nameHint: "De 1 à {max} caractères.",
  saving: "Enregistrement…",
  saveName: "Enregistrer le nom",
  cancel: "Annuler",
  confirm: {
    label: "Confirmer\u00a0: {action, select, forget {oublier} block {bloquer} other {débloquer}} {name}",
    forget: "Oui, l'oublier",
    block: "Oui, le bloquer",
    unblock: "Oui, le débloquer",
    forgetting: "Oubli…",
    blocking: "Blocage…",
    unblocking: "Déblocage…",
    forgetThis:
      "Ce navigateur sera oublié et sa clé supprimée de celui-ci. Votre prochaine connexion ici demandera de nouveau la deuxième étape, comme sur un nouveau navigateur.",
    forgetOther: "«\u00a0{name}\u00a0» sera oublié. La prochaine connexion depuis celui-ci demandera de nouveau la deuxième étape, comme sur un nouveau navigateur.",
    blockBody:
      "Tant que «\u00a0{name}\u00a0» est bloqué, il n'est pas reconnu\u00a0: la prochaine connexion depuis celui-ci demandera de nouveau la deuxième étape{remembered, select, true {, bien qu'il soit mémorisé} other {}}. Vous pourrez le débloquer plus tard.",
    unblockBody: "«\u00a0{name}\u00a0» sera de nouveau reconnu.",
    unblockRemembered: "«\u00a0{name}\u00a0» sera de nouveau reconnu et se passera de la deuxième étape jusqu'au {date}.",
  },
  others: {
    label: "Confirmer\u00a0: oublier tous les autres navigateurs",
    button: "Oui, les oublier",
    keepThis: "Tous les navigateurs sauf celui-ci seront oubliés ({count}). La prochaine connexion depuis chacun d'eux demandera de nouveau la deuxième étape.",
    notRegistered:
      "Ce navigateur n'est pas enregistré, donc {count, plural, one {le seul navigateur enregistré sera oublié} other {les # navigateurs enregistrés seront oubliés}}. La prochaine connexion depuis chacun demandera de nouveau la deuxième étape.",
    action: "Oublier tous les autres navigateurs",
  },
  notices: {
    renamed: "Renommé en «\u00a0{name}\u00a0».",
    forgotten: "«\u00a0{name}\u00a0» a été oublié. La prochaine connexion depuis celui-ci sera celle d'un nouveau navigateur et demandera de nouveau la deuxième étape.",
    blocked: "«\u00a0{name}\u00a0» est bloqué. La prochaine connexion depuis celui-ci demandera de nouveau la deuxième étape.",
    unblocked: "«\u00a0{name}\u00a0» est débloqué.",
    noOthers: "Il n'y avait aucun autre navigateur à oublier.",
    forgotOthers: "{count, plural, one {# navigateur oublié} other {# navigateurs oubliés}}.",
    nothingChanged: "Rien n'a été modifié.",
  },
  errors: {
    signIn: "Connectez-vous pour gérer vos navigateurs.",
    notFound: "Navigateur introuvable.",
    nameLength: "Donnez au navigateur un nom de 1 à {max} caractères.",
  },
};
