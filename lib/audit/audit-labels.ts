import type { AuditAction } from "@/lib/audit/record-audit-event";

/**
 * How each audit action reads to the account's owner (and, in the admin audit log, to staff). Every
 * action of the union has one: a new action without a label does not compile.
 */
export const auditActionLabel = {
  "user.signed_up": "Account created",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in attempt",
  "user.signed_out": "Signed out",
  "user.magic_link_sent": "Sign-in link sent",
  "user.email_verification_sent": "Email confirmation link sent",
  "user.email_verified": "Email address confirmed",
  "user.sign_up_repeated": "Someone tried to create an account with your email",
  "user.password_reset_requested": "Password reset link sent",
  "user.password_reset": "Password reset; every session signed out",
  "mfa.enabled": "Two-step verification turned on",
  "mfa.disabled": "Two-step verification turned off",
  "device.added": "Device added",
  "device.activated": "Device activated",
  "device.renamed": "Device renamed",
  "device.made_default": "Default device changed",
  "device.blocked": "Device blocked",
  "device.unblocked": "Device unblocked",
  "device.removed": "Device removed",
  "device.locked": "Device locked after too many wrong codes",
  "device.clone_suspected": "Device blocked: it may have been copied",
  "otp.sent": "Verification code sent",
  "otp.failed": "Wrong verification code entered",
  "totp.replay_refused": "A used authenticator code was refused",
  "recovery_codes.generated": "New recovery codes made",
  "recovery_code.used": "Signed in with a recovery code",
  "recovery_code.failed": "Wrong recovery code entered",
  "recovery_codes.locked": "Recovery codes locked after too many wrong codes",
  "user.reauthenticated": "Identity confirmed",
  "flow.redemption_refused": "Another browser tried to finish your sign-in",
  "user.provisioned": "Account created by an application",
  "application.created": "API application created",
  "application.revoked": "API application revoked",
  "application.rotated": "API application's secret rotated",
  "widget.origins_updated": "Widget origins changed",
  "widget.token_issued": "A site asked to open your device settings",
  "widget.opened": "Device settings opened on a site",
  "widget.token_refused": "A used device-settings link was refused",
  "device.paired": "Phone paired",
  "device.pairing_refused": "A used or expired pairing key was refused",
  "push.sent": "Sign-in request sent to your phone",
  "push.approved": "Sign-in approved on your phone",
  "push.denied": "Sign-in denied on your phone",
  "push.number_mismatch": "Wrong number chosen on your phone",
  "device_key.registered": "Browser registered",
  "device_key.verified": "Registered browser recognised",
  "device_key.refused": "A browser was not recognised",
  "device_key.renamed": "Browser renamed",
  "device_key.blocked": "Browser blocked",
  "device_key.unblocked": "Browser unblocked",
  "device_key.forgotten": "Browser forgotten",
  "device_key.remembered_forgotten": "Remembered browsers reset",
  "device.locked_by_admin": "Device locked by an administrator",
  "device.unlocked": "Device unlocked",
  "mfa.reset": "Two-step verification reset by an administrator",
  "user.signed_out_everywhere": "Signed out everywhere by an administrator",
  "user.session_signed_out": "Another session signed out",
  "user.signed_out_others": "All other sessions signed out",
  "policy.updated": "Device authentication policy changed",
  "branding.updated": "Branding and feature flags changed",
  "user.unknown_browser_refused": "Sign-in refused: the browser was not registered",
  "audit.exported": "Audit log exported",
} satisfies Record<AuditAction, string>;

/** Every audit action, in the labels' order: the admin audit log's choice of actions and its validation. */
export const AUDIT_ACTIONS = Object.keys(auditActionLabel) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabel, value);
}

/** The label of a stored row's action; an action no longer written keeps its raw name. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? auditActionLabel[action] : action;
}
