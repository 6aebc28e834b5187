/** Passcodes sent by SMS, voice call and email (lib/otp/passcode-message.ts). */
export const passcode = {
  doing: {
    enrolment: "to add this device to your account",
    signIn: "to sign in",
    stepUp: "to confirm a change to your account security",
  },
  expiry: "It expires in {minutes, plural, one {# minute} other {# minutes}}.",
  sms: "{code} is your {company} code {doing}. {expiry}",
  smsShort: "{code} is your {company} code. {expiry}",
  dontShare: "Don't share it: {company} will never ask you for it.",
  voiceCode: "This is {company}. Your code {doing} is: {spoken}.",
  voiceAgain: "Again, your code is: {spoken}.",
  voiceExpiry: "It expires in {minutes, plural, one {# minute} other {# minutes}}. Don't share it with anyone.",
  emailSubject: "{company}: your code {doing}",
  emailIntro: "Your {company} code {doing} is:",
  emailExpiry: "It expires in {minutes, plural, one {# minute} other {# minutes}} and works once.",
  emailNotYou: "If you did not ask for this code, someone may know your password. You can ignore this message,",
  emailNotYouAdvice: "and consider changing your password.",
};
