import type { Catalogue } from "@/lib/i18n/messages/en";

/** Passcodes sent by SMS, voice call and email (lib/otp/passcode-message.ts). */
export const passcode: Catalogue["passcode"] = {
  doing: {
    enrolment: "pour ajouter cet appareil à votre compte",
    signIn: "pour vous connecter",
    stepUp: "pour confirmer une modification de la sécurité de votre compte",
  },
  expiry: "Il expire dans {minutes, plural, one {# minute} other {# minutes}}.",
  sms: "{code} est votre code {company} {doing}. {expiry}",
  smsShort: "{code} est votre code {company}. {expiry}",
  dontShare: "Ne le communiquez à personne\u00a0: {company} ne vous le demandera jamais.",
  voiceCode: "Ici {company}. Votre code {doing} est\u00a0: {spoken}.",
  voiceAgain: "Je répète, votre code est\u00a0: {spoken}.",
  voiceExpiry: "Il expire dans {minutes, plural, one {# minute} other {# minutes}}. Ne le communiquez à personne.",
  emailSubject: "{company}\u00a0: votre code {doing}",
  emailIntro: "Votre code {company} {doing} est\u00a0:",
  emailExpiry: "Il expire dans {minutes, plural, one {# minute} other {# minutes}} et ne sert qu'une fois.",
  emailNotYou: "Si vous n'avez pas demandé ce code, quelqu'un connaît peut-être votre mot de passe. Vous pouvez ignorer ce message,",
  emailNotYouAdvice: "et pensez à changer votre mot de passe.",
};
