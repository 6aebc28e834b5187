import type { Catalogue } from "@/lib/i18n/messages/en";

/** What a form says of a field it cannot take (see ../en/fields.ts). */
export const fields: Catalogue["fields"] = {
  enterCode: "Saisissez le code.",
  codeTooLong: "Ce code est trop long.",
  enterPassword: "Saisissez votre mot de passe.",
  enterRecoveryCode: "Saisissez un code de secours.",
  chooseDeviceKind: "Choisissez un type d'appareil.",
  chooseCountry: "Choisissez un pays.",
  enterPhone: "Saisissez un numéro de téléphone.",
  phoneTooLong: "Ce numéro est trop long.",
};
