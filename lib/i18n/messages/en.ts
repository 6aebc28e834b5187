/**
 * English, the source catalogue: every message is written here first, in ICU message format
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/), grouped by where it is used.
 */
export const en = {
  portal: {
    navLabel: "Account",
    overview: "Overview",
    devices: "Devices",
    browsers: "Browsers",
    sessions: "Sessions",
    signOut: "Sign out",
  },
  language: {
    heading: "Language",
    description: "The language of these pages and of the codes we send you.",
    label: "Language",
    browser: "Same as my browser",
    save: "Save language",
    saved: "Language saved.",
    invalid: "Choose one of the languages in the list.",
  },
  passcode: {
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
  },
};

/** Every catalogue has English's keys, each a string: a missing translation is a type error. */
export type Catalogue = { [K in keyof typeof en]: Strings<(typeof en)[K]> };
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
