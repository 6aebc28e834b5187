/** Your sessions. */
export const sessions = {
  title: "Your sessions",
  heading: "Your sessions",
  intro:
    "Every browser where your account is signed in now. If you do not recognise one, sign it out and change your password. Signing out a session ends it at once: its next click goes to the sign-in page.",
  listLabel: "Signed-in sessions",
  name: {
    both: "{browser} on {system}",
    unknown: "Unknown browser",
  },
  itemLabel: "{name}, this browser",
  thisBrowser: "This browser",
  pending: "Second step not done",
  signedIn: "Signed in",
  lastActive: "Last active",
  now: "Now",
  from: "From",
  place: "{place} (approximate){hasIp, select, true { · {ip}} other {}}",
  addressUnknown: "Address unknown",
  pendingHint: "Someone gave this account's password here but not the second step. If it was not you, sign it out and change your password.",
  signOut: "Sign out",
  signOutLabel: "Sign out {name}",
  signingOut: "Signing out…",
  confirmOne: {
    label: "Confirm: sign out {name}",
    button: "Yes, sign it out",
    body: "{name} will be signed out at once. Whoever uses it must sign in again, with the password{pending, select, true {} other { and the second step}}.",
  },
  onlyOne: "This browser is the only place your account is signed in.",
  confirmOthers: {
    label: "Confirm: sign out all other sessions",
    button: "Yes, sign them out",
    body: "Every session but this browser's will be signed out at once ({count}). Each of them must sign in again.",
  },
  signOutOthers: "Sign out all other sessions",
  answer: {
    signedOut: "Signed out {browser}. Its next request goes to the sign-in page.",
    signedOutSession: "Signed out that session. Its next request goes to the sign-in page.",
    noOthers: "No other session was signed in.",
    signedOutOthers: "Signed out {count, plural, one {1 other session} other {# other sessions}}. This browser stays signed in.",
  },
  errors: {
    gone: "That session has already ended.",
    ended: "Your session has ended. Please sign in again.",
    current: "That is the session you are using. Use “Sign out” at the top of the page to end it.",
  },
};
