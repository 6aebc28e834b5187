import type { AuditAction } from "@/lib/audit/record-audit-event";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";

/** A label's place in the `audit` catalogue: the action's two parts in camelCase ("device_key.blocked" is deviceKey.blocked). */
type AuditKey = MessageKey extends infer K ? (K extends `audit.${infer Rest}` ? Rest : never) : never;

/**
 * How each audit action reads to the account's owner (and, in the admin audit log, to staff): its
 * label in the `audit` catalogue (lib/i18n/messages/<locale>/audit.ts). Every action of the union has
 * one: a new action without a label, or a label that is not in the catalogue, does not compile.
 */
const labelKey = {
  "user.signed_up": "user.signedUp",
  "user.signed_in": "user.signedIn",
  "user.sign_in_failed": "user.signInFailed",
  "user.signed_out": "user.signedOut",
  "user.magic_link_sent": "user.magicLinkSent",
  "user.email_verification_sent": "user.emailVerificationSent",
  "user.email_verified": "user.emailVerified",
  "user.sign_up_repeated": "user.signUpRepeated",
  "user.password_reset_requested": "user.passwordResetRequested",
  "user.password_reset": "user.passwordReset",
  "mfa.enabled": "mfa.enabled",
  "mfa.disabled": "mfa.disabled",
  "device.added": "device.added",
  "device.activated": "device.activated",
  "device.renamed": "device.renamed",
  "device.made_default": "device.madeDefault",
  "device.blocked": "device.blocked",
  "device.unblocked": "device.unblocked",
  "device.removed": "device.removed",
  "device.locked": "device.locked",
  "device.clone_suspected": "device.cloneSuspected",
  "otp.sent": "otp.sent",
  "otp.failed": "otp.failed",
  "totp.replay_refused": "totp.replayRefused",
  "recovery_codes.generated": "recoveryCodes.generated",
  "recovery_code.used": "recoveryCode.used",
  "recovery_code.failed": "recoveryCode.failed",
  "recovery_codes.locked": "recoveryCodes.locked",
  "user.reauthenticated": "user.reauthenticated",
  "flow.redemption_refused": "flow.redemptionRefused",
  "user.provisioned": "user.provisioned",
  "application.created": "application.created",
  "application.revoked": "application.revoked",
  "application.rotated": "application.rotated",
  "widget.origins_updated": "widget.originsUpdated",
  "widget.token_issued": "widget.tokenIssued",
  "widget.opened": "widget.opened",
  "widget.token_refused": "widget.tokenRefused",
  "device.paired": "device.paired",
  "device.pairing_refused": "device.pairingRefused",
  "push.sent": "push.sent",
  "push.approved": "push.approved",
  "push.denied": "push.denied",
  "push.number_mismatch": "push.numberMismatch",
  "device_key.registered": "deviceKey.registered",
  "device_key.verified": "deviceKey.verified",
  "device_key.refused": "deviceKey.refused",
  "device_key.renamed": "deviceKey.renamed",
  "device_key.blocked": "deviceKey.blocked",
  "device_key.unblocked": "deviceKey.unblocked",
  "device_key.forgotten": "deviceKey.forgotten",
  "device_key.remembered_forgotten": "deviceKey.rememberedForgotten",
  "device.locked_by_admin": "device.lockedByAdmin",
  "device.unlocked": "device.unlocked",
  "mfa.reset": "mfa.reset",
  "user.signed_out_everywhere": "user.signedOutEverywhere",
  "user.session_signed_out": "user.sessionSignedOut",
  "user.signed_out_others": "user.signedOutOthers",
  "policy.updated": "policy.updated",
  "branding.updated": "branding.updated",
  "user.unknown_browser_refused": "user.unknownBrowserRefused",
  "audit.exported": "audit.exported",
} satisfies Record<AuditAction, AuditKey>;

/** Every audit action, in the labels' order: the admin audit log's choice of actions and its validation. */
export const AUDIT_ACTIONS = Object.keys(labelKey) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(labelKey, value);
}

/**
 * The label of a stored row's action in `locale` ("Device locked by an administrator", "Appareil
 * verrouillé par un administrateur"); an action no longer written keeps its raw name. For a server
 * component: `auditLabelIn(await requestLocale(), event.action)`.
 */
export function auditLabelIn(locale: Locale, action: string): string {
  if (!isAuditAction(action)) return action;
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale, "audit")));
  return t(labelKey[action]);
}

const translators = new Map<Locale, ReturnType<typeof translatorFor<"audit">>>();

/** The label in English: files for other software (the audit export) and logs. */
export function auditLabel(action: string): string {
  return auditLabelIn(DEFAULT_LOCALE, action);
}

/** A labeller for one locale, for a list of rows. */
export const auditLabelsIn = (locale: Locale) => (action: string) => auditLabelIn(locale, action);
