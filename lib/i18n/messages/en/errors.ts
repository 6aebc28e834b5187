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
    lockedUseAnother: "This device is locked until {until}. Use another device, or try again after that time.",
    lockedContactSupport: "This device is locked until {until}. Try again after that time, or contact support for help.",
  },
};
