/**
 * Emails about account changes, sign-in links, verification and password reset. Each body is one
 * message (paragraphs split by blank lines), so a language may order its sentences its own way.
 * English is word for word what the emails said before the catalogues (the e2e tests read them).
 */
export const emails = {
  magicLink: {
    subject: "Your {companyName} sign-in link",
    body: "Use this link to sign in to {companyName}. It works once, for {minutes} minutes:\n\n{link}\n\nIf you did not ask for it, ignore this email: nobody can sign in without opening the link.",
  },
  flowMagicLink: {
    subject: "Confirm your {companyName} sign-in",
    body: "Someone, hopefully you, is signing in to {companyName}. Open this link to confirm it was you. It works once, for {minutes} minutes:\n\n{link}\n\nIf this was not you, do not open the link, and change your password.",
  },
  emailVerification: {
    subject: "Confirm your email for {companyName}",
    body: "Someone, hopefully you, created a {companyName} account with this email address. Open this link to confirm it. It works once, for {minutes} minutes:\n\n{link}\n\nIf you did not create this account, ignore this email: the account cannot be used until the address is confirmed.",
  },
  passwordReset: {
    subject: "Reset your {companyName} password",
    body: "Someone, hopefully you, asked to reset the password of your {companyName} account. Open this link to choose a new one. It works once, for {minutes} minutes:\n\n{link}\n\nIf you did not ask for it, ignore this email: your password stays as it is.",
  },
  signUpRepeated: {
    subject: "Someone tried to create a {companyName} account with your email",
    body: "Someone, perhaps you, tried to create a {companyName} account with this email address. You already have one, so nothing was created or changed.\n\nTo sign in, go to {signInUrl} and use your password, or ask there for a sign-in link by email if you have forgotten it.\n\nIf it was not you, you need do nothing: your account is as it was.",
  },
  accountChange: {
    /** `headline` is one of `headlines` below, as it is, or in lower case for English's subject. */
    subject: "{companyName}: {headline}",
    headlineLine: "{headline}.",
    device: "Device: {device}",
    when: "When: {when}",
    footer: "If this was you, there is nothing to do.\nIf it was not you, review your devices at {devicesUrl} and change your password,\nor report it by replying to this message so the {companyName} security team can help.",
    headlines: {
      deviceAdded: "A new sign-in device was added to your account",
      deviceRenamed: "One of your sign-in devices was renamed",
      deviceMadeDefault: "Your default sign-in device changed",
      deviceBlocked: "One of your sign-in devices was blocked",
      deviceUnblocked: "One of your sign-in devices was unblocked",
      deviceRemoved: "A sign-in device was removed from your account",
      mfaEnabled: "Two-step verification was turned on",
      mfaDisabled: "Two-step verification was turned off",
      deviceKeyRegistered: "A browser was registered to your account",
      deviceKeyRenamed: "One of your registered browsers was renamed",
      deviceKeyBlocked: "One of your registered browsers was blocked",
      deviceKeyUnblocked: "One of your registered browsers was unblocked",
      deviceKeyForgotten: "A registered browser was removed from your account",
      deviceLockedByAdmin: "One of your sign-in devices was locked by an administrator",
      deviceUnlocked: "One of your sign-in devices was unlocked",
      mfaReset: "An administrator reset your two-step verification: your sign-in devices were removed and it is turned off",
      signedOutEverywhere: "An administrator signed you out on every device",
      sessionSignedOut: "One of your sessions was signed out from your account page",
      signedOutOthers: "All your other sessions were signed out from your account page",
      passwordReset: "Your password was reset and every session of your account was signed out",
      recoveryCodeUsed: "A recovery code was used to sign in to your account",
      recoveryCodesGenerated: "New recovery codes were made for your account, and the old ones no longer work",
      other: "Your account security settings changed",
    },
    /** What the "Device:" line names (lib/notify/notify-account-change.ts deviceText and the callers). */
    deviceLabel: '{type, select, SMS {Text message} EMAIL {Email} VOICE {Voice call} TOTP {Authenticator app} PLATFORM {Passkey} SECURITY_KEY {Security key} MOBILE {Mobile app} other {Device}} "{nickname}"',
    devicesRemoved: "{count, plural, one {# device removed} other {# devices removed}}",
    browsers: "{count, plural, one {# browser} other {# browsers}}",
    browserReplacing: "{name} (the {count, plural, one {browser} other {# browsers}} registered before it {count, plural, one {was} other {were}} removed)",
    recoveryCodesLeft: "You have {left} recovery {left, plural, one {code} other {codes}} left.",
    recoveryCodesLeftLow: "You have {left} recovery {left, plural, one {code} other {codes}} left. Make new ones on your devices page soon.",
  },
};
