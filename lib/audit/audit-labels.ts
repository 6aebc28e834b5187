/** How each audit action reads to the account's owner. */
export const auditActionLabel: Record<string, string> = {
  "user.signed_up": "Account created",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in attempt",
  "user.signed_out": "Signed out",
  "user.magic_link_sent": "Sign-in link sent",
  "mfa.enabled": "Two-step verification turned on",
  "mfa.disabled": "Two-step verification turned off",
  "device.added": "Device added",
  "device.activated": "Device activated",
  "device.renamed": "Device renamed",
  "device.made_default": "Default device changed",
  "device.blocked": "Device blocked",
  "device.unblocked": "Device unblocked",
  "device.removed": "Device removed",
};
