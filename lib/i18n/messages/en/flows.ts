/** The flow host every flow page and the widget share: progress, live updates, generic actions (components/flows/*.tsx). */
export const flows = {
  unreachable: "We could not reach the server. Check your connection and try again.",
  notFinished: "We could not finish signing you in. Sign out and sign in again.",
  signingIn: "Verified. Signing you in…",
  expired: "This page has expired. Reload to start again.",
  newRecoveryCodes: "Your new recovery codes. The old ones no longer work. If you lose your devices, one of these codes lets you sign in instead.",
};
