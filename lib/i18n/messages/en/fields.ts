/**
 * What a form says of a field it cannot take, given by zod schemas as catalogue keys
 * ("fields.enterCode", lib/i18n/text.ts isMessageKey) so each door words them for its reader.
 */
export const fields = {
  enterCode: "Enter the code.",
  codeTooLong: "That code is too long.",
  enterPassword: "Enter your password.",
  enterRecoveryCode: "Enter a recovery code.",
  chooseDeviceKind: "Choose a kind of device.",
  chooseCountry: "Choose a country.",
  enterPhone: "Enter a phone number.",
  phoneTooLong: "That number is too long.",
};
