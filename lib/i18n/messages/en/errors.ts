/**
 * Messages of the domain and the doors: what went wrong and what to do (AppError texts given as a
 * Text, lib/i18n/text.ts), and the generic answers of lib/actions/action-result.ts. A time comes
 * written already ("2031-05-06 07:08 UTC", formatUtc): the server does not know the reader's zone,
 * and that form reads the same in every language.
 */
export const errors = {
  generic: "Something went wrong on our side. Nothing was changed; please try again.",
  busy: "The service is busy. Nothing was changed; please try again.",
  correctFields: "Please correct the highlighted fields.",
  /**
   * What a form field's check says (the shared zod schemas of lib/validations and the flows' event
   * schemas). The schemas keep these English words, so the flow API answers in English; the pages'
   * doors (lib/actions/action-result.ts) find a field error here by its English words and show it in
   * the reader's language (lib/validations/validation-messages.ts).
   */
  validation: {
    email: "Enter a valid email address, like name@example.com.",
    password: "Enter your password.",
    passwordTooShort: "Use at least 12 characters.",
    max128: "Use at most 128 characters.",
    max80: "Use at most 80 characters.",
    max60: "Use at most 60 characters.",
    max40: "Use at most 40 characters.",
    name: "Enter your name.",
    nickname: "Enter a name for the device.",
    printable: "Use letters, digits, spaces and punctuation only.",
    device: "Choose a device.",
    deviceType: "Choose a kind of device.",
    code: "Enter the code.",
    codeTooLong: "That code is too long.",
    recoveryCode: "Enter a recovery code.",
    country: "Choose a country.",
    phone: "Enter a phone number.",
    phoneTooLong: "That number is too long.",
    phoneInvalid: "Enter a valid phone number for the chosen country.",
    phoneNoSms: "This number can't receive text messages. Enter a mobile number, or choose a voice call instead.",
    phoneCostly: "This kind of number can't be used for sign-in codes. Enter a mobile or home number.",
    phoneInternational: "Enter the number in international format: + and the country code, like +44 7400 123456.",
    browserName: "Enter a name for the browser.",
    browser: "Choose a browser.",
    session: "Choose a session.",
  },
  /** The session and the flow a page runs on: ended, changed elsewhere, expired. */
  session: {
    ended: "Your session has ended. Please sign in again.",
    finishSigningIn: "Finish signing in first.",
    signInAgain: "Sign in again to continue.",
    notFinished: "We could not finish signing you in. Sign out and sign in again.",
  },
  flow: {
    notAvailable: "That action is not available here.",
    unreadableResponse: "We could not read the response from your device. Try again.",
    changedInAnotherTab: "This page was changed in another tab. Reload and try again.",
    ended: "This flow has already ended.",
    expired: "This page has expired. Start again.",
  },
  code: {
    invalid: "That code is not right. Check it and try again.",
    invalidAttemptsLeft: "That code is not right. {left, plural, one {# attempt} other {# attempts}} left.",
    expired: "This code has expired or was replaced by a newer one. Request a new code.",
    exhausted: "This code can no longer be used after too many wrong attempts. Request a new code.",
    locked: "Too many wrong codes. For your security this device is locked until {until}. You can use another device in the meantime.",
    replayed: "That code was already used. Wait for the next code in your authenticator app.",
    rateLimited: "Too many codes were sent. Try again after {until}.",
    noMoreResends: "You have asked for the most new codes allowed. Use the last code sent, or start again later.",
  },
  device: {
    blocked: "This device is blocked. Use another device.",
    noPasskey: "No passkey or security key is set up for this account.",
    tooManyAtOnce: "Too many attempts at once. Wait a moment and try again.",
    lockedUseAnother: "This device is locked until {until}. Use another device, or try again after that time.",
    lockedContactSupport: "This device is locked until {until}. Try again after that time, or contact support for help.",
  },
};
