// No "server-only": scripts/applications.ts records the creation and revocation of applications
// through this too. It only writes through the transaction it is given.
import type { Locale } from "@/lib/i18n/locales";
import type { Tx } from "@/lib/db";

export type AuditAction =
  | "user.signed_up"
  // The widget on another site (lib/widget/widget-tokens.ts): a token issued to an application, spent
  // by the widget's iframe, or refused when presented again.
  | "widget.token_issued"
  | "widget.opened"
  | "widget.token_refused"
  | "user.signed_in"
  | "user.reauthenticated"
  | "user.sign_in_failed"
  | "user.signed_out"
  | "user.magic_link_sent"
  // Email verification and repeated sign-ups (security.md items 24, 28).
  | "user.email_verification_sent"
  | "user.email_verified"
  | "user.sign_up_repeated"
  // Forgot password (lib/auth/password-reset.ts): a reset link emailed, and the password set through
  // one (details: how many sessions it ended).
  | "user.password_reset_requested"
  | "user.password_reset"
  | "mfa.enabled"
  | "mfa.disabled"
  | "device.added"
  | "device.activated"
  | "device.renamed"
  | "device.made_default"
  | "device.blocked"
  | "device.unblocked"
  | "device.removed"
  // One-time passcodes and authenticator apps (security.md items 3-7).
  | "otp.sent"
  | "otp.failed"
  | "device.locked"
  | "totp.replay_refused"
  // Recovery codes (lib/recovery-codes, issue 14): a new set made (the first device's, or on demand,
  // voiding the old set), a code used to sign in, a wrong or spent code, and the codes locked.
  | "recovery_codes.generated"
  | "recovery_code.used"
  | "recovery_code.failed"
  | "recovery_codes.locked"
  // WebAuthn (security.md item 17): a signature counter went backwards, so the device was blocked.
  | "device.clone_suspected"
  // A session tried to redeem a second factor that another session started (security.md item 25).
  | "flow.redemption_refused"
  // The flow API (lib/applications, lib/api): an application's key made or revoked by an operator, and
  // what an application did to a user (the row's applicationId says which application).
  | "application.created"
  | "application.revoked"
  // The admin console (issue 13): an application's key replaced, and the origins allowed to embed the widget changed.
  | "application.rotated"
  | "widget.origins_updated"
  | "user.provisioned"
  // The mobile authenticator (lib/mobile, security.md items 18-20): a phone paired, a pairing key
  // refused (used again, expired), pushes sent and answered, and a wrong number chosen on the phone.
  | "device.paired"
  | "device.pairing_refused"
  | "push.sent"
  | "push.approved"
  | "push.denied"
  | "push.number_mismatch"
  // Device keys (lib/device-keys, seed 002): a browser registered, proved or refused, and changed by
  // its owner; a sign-in refused because the browser is not registered (KNOWN_DEVICES_ONLY).
  | "device_key.registered"
  | "device_key.verified"
  | "device_key.refused"
  | "device_key.renamed"
  | "device_key.blocked"
  | "device_key.unblocked"
  | "device_key.forgotten"
  | "device_key.remembered_forgotten"
  | "user.unknown_browser_refused"
  // The admin console (lib/admin, issue 13), each row with the staff member as actor: a device locked
  // until a date and a lock cleared, two-step verification reset (every device removed), and every
  // session of the user ended. Blocking, unblocking and removing a device write the portal's actions.
  | "device.locked_by_admin"
  | "device.unlocked"
  | "mfa.reset"
  | "user.signed_out_everywhere"
  // "Your sessions" (issue 14): the user ended one other session, or all but the one they use.
  | "user.session_signed_out"
  | "user.signed_out_others"
  // The admin console (issue 13): a device authentication policy saved, its changed fields old → new.
  | "policy.updated"
  // The admin console (issue 13): the branding and feature flags saved, with what changed.
  | "branding.updated"
  // The admin console (issue 13): staff exported the audit log (details: format and filters). A read,
  // not a change, but a copy of everyone's activity leaving the system is worth a row of its own.
  | "audit.exported";

/**
 * The details of a "user.signed_in" row written by a first factor (password, sign-in link, passkey).
 * When a second factor is still to come, the row says so: the sign-in is complete only when the second
 * factor's own "user.signed_in" row follows, so the admin overview counts each sign-in once (rows
 * marked pending are left out, lib/audit/audit-overview.ts).
 */
export function signInDetails(method: string, secondFactorPending: boolean): Record<string, unknown> {
  return secondFactorPending ? { method, secondFactorPending: true } : { method };
}

/**
 * Who is asking: the client address and user agent, and for a flow API request the application whose
 * key it carried. Every audit row written while serving that request names the application through
 * this, so a use-case shared with the pages (a device renamed, a passcode sent) needs no extra argument.
 */
/** Who asked, for the audit row (and the session); `locale`, the asker's language, for what is sent back to them (not stored). */
export type RequestMeta = {
  ip?: string | null;
  userAgent?: string | null;
  applicationId?: string | null;
  /** The approximate place the operator's proxy says the client is at (IP_LOCATION_HEADERS); kept on sessions, not in audit rows. */
  location?: string | null;
  locale?: Locale;
};

/** Writes one audit row inside the caller's transaction, so the change and its record land together. */
export async function recordAuditEvent(
  tx: Tx,
  event: {
    action: AuditAction;
    /** Whose account; null for events about an account that does not exist (a failed sign-in) or about no account. */
    userId: string | null;
    actorId?: string;
    /** The API application that acted; the row then has no actorId unless one is given. */
    applicationId?: string;
    deviceId?: string;
    details?: Record<string, unknown>;
    /** "otp.sent" only: the keyed hash of where the code went, counted by the per-destination limit. */
    destination?: string;
    meta?: RequestMeta;
  },
) {
  const applicationId = event.applicationId ?? event.meta?.applicationId ?? null;
  await tx.auditEvent.create({
    data: {
      action: event.action,
      userId: event.userId,
      // Without an actor named, whoever owns the account acted, unless an application did.
      actorId: event.actorId ?? (applicationId ? null : event.userId),
      applicationId,
      deviceId: event.deviceId ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
      destination: event.destination ?? null,
      ip: event.meta?.ip ?? null,
      userAgent: event.meta?.userAgent ?? null,
    },
  });
}
