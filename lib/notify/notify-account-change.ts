import "server-only";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { sendEmail } from "@/lib/notify/send-email";

const wording: Record<string, string> = {
  "device.added": "A new sign-in device was added to your account",
  "device.renamed": "One of your sign-in devices was renamed",
  "device.made_default": "Your default sign-in device changed",
  "device.blocked": "One of your sign-in devices was blocked",
  "device.unblocked": "One of your sign-in devices was unblocked",
  "device.removed": "A sign-in device was removed from your account",
  "mfa.enabled": "Two-step verification was turned on",
  "mfa.disabled": "Two-step verification was turned off",
  "device_key.registered": "A browser was registered to your account",
  "device_key.renamed": "One of your registered browsers was renamed",
  "device_key.blocked": "One of your registered browsers was blocked",
  "device_key.unblocked": "One of your registered browsers was unblocked",
  "device_key.forgotten": "A registered browser was removed from your account",
  "device.locked_by_admin": "One of your sign-in devices was locked by an administrator",
  "device.unlocked": "One of your sign-in devices was unlocked",
  "mfa.reset": "An administrator reset your two-step verification: your sign-in devices were removed and it is turned off",
  "user.signed_out_everywhere": "An administrator signed you out on every device",
  "user.session_signed_out": "One of your sessions was signed out from your account page",
  "user.signed_out_others": "All your other sessions were signed out from your account page",
  "user.password_reset": "Your password was reset and every session of your account was signed out",
  "recovery_code.used": "A recovery code was used to sign in to your account",
  "recovery_codes.generated": "New recovery codes were made for your account, and the old ones no longer work",
};

/**
 * Tells the user about a change to their account through the email they had before the change
 * (security.md item 9), with a way to report it if it was not them.
 */
export async function notifyAccountChange(options: {
  email: string;
  action: keyof typeof wording | string;
  deviceLabel?: string;
  /** A line about what the change leaves (how many recovery codes are left). */
  detail?: string;
  when?: Date;
}) {
  const { companyName } = await currentBranding();
  const headline = wording[options.action] ?? "Your account security settings changed";
  const when = (options.when ?? new Date()).toUTCString();
  const lines = [
    `${headline}.`,
    options.deviceLabel ? `Device: ${options.deviceLabel}` : undefined,
    options.detail,
    `When: ${when}`,
    "",
    "If this was you, there is nothing to do.",
    `If it was not you, review your devices at ${config().appUrl}/devices and change your password,`,
    `or report it by replying to this message so the ${companyName} security team can help.`,
  ].filter((l) => l !== undefined);
  await sendEmail({ to: options.email, subject: `${companyName}: ${headline.toLowerCase()}`, text: lines.join("\n") });
}
