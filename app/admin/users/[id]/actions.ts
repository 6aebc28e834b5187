"use server";

import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { confirmIdentityPath, requireStaff, type StaffCapability } from "@/lib/admin/admin-access";
import { blockUserDevice } from "@/lib/admin/block-user-device";
import { lockUserDevice } from "@/lib/admin/lock-user-device";
import { removeUserDevice } from "@/lib/admin/remove-user-device";
import { resetUserMfa } from "@/lib/admin/reset-user-mfa";
import { signOutUserEverywhere } from "@/lib/admin/sign-out-user-everywhere";
import { unblockUserDevice } from "@/lib/admin/unblock-user-device";
import { unlockUserDevice } from "@/lib/admin/unlock-user-device";
import { failure, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments } from "@/lib/actions/action-arguments";
import { AppError } from "@/lib/errors/app-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { formatUtc } from "@/lib/otp/messages";

type Done = ReturnType<typeof translatorFor<"admin">>;

/** An action's answer; with `confirmPath` when the change needs the administrator to confirm it's them first. */
export type AdminActionResult = ActionResult & { confirmPath?: string };

/**
 * The one shape of every action on a user's page. Server actions are public endpoints: the arguments'
 * shapes are checked first, then whether the caller is staff allowed this at all, which answers 404
 * like the pages (nobody else learns the console exists). The use-case in lib/admin checks again, with
 * the fresh sign-in it needs, and validates the fields.
 */
async function run(capability: StaffCapability, args: unknown[], change: (fields: Record<string, string>, t: Done) => Promise<string>): Promise<AdminActionResult> {
  const [data, ...rest] = args;
  noArguments(rest);
  const form = formDataArgument(data);
  const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  try {
    await requireStaff(capability);
  } catch {
    notFound();
  }
  const locale = await requestLocale();
  try {
    const message = await change(fields, translatorFor(locale, "admin"));
    if (fields.userId) revalidatePath(`/admin/users/${fields.userId}`);
    return { status: "success", message };
  } catch (error) {
    const answer: AdminActionResult = failure(error, locale);
    if (error instanceof AppError && error.code === "REAUTH_REQUIRED") {
      answer.confirmPath = confirmIdentityPath(`/admin/users/${encodeURIComponent(fields.userId ?? "")}`);
    }
    return answer;
  }
}

const device = (f: Record<string, string>) => ({ userId: f.userId, deviceId: f.deviceId });

export async function blockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f, t) => {
    await blockUserDevice(device(f));
    return t("userActions.done.block");
  });
}

export async function unblockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f, t) => {
    await unblockUserDevice(device(f));
    return t("userActions.done.unblock");
  });
}

export async function unlockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f, t) => {
    await unlockUserDevice(device(f));
    return t("userActions.done.unlock");
  });
}

export async function removeUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f, t) => {
    const { mfaTurnedOff } = await removeUserDevice(device(f));
    return t("userActions.done.remove", { mfaOff: mfaTurnedOff ? "yes" : "no" });
  });
}

export async function lockUserDeviceAction(...args: unknown[]) {
  return run("users.manage", args, async (f, t) => {
    const { until } = await lockUserDevice({ ...device(f), until: f.until });
    // In UTC, as the administrator chose it (the field says so).
    return t("userActions.done.lock", { until: formatUtc(until) });
  });
}

export async function resetUserMfaAction(...args: unknown[]) {
  return run("users.manage", args, async (f, t) => {
    const { devicesRemoved } = await resetUserMfa({ userId: f.userId });
    return t("userActions.done.resetMfa", { count: devicesRemoved });
  });
}

export async function signOutUserEverywhereAction(...args: unknown[]) {
  return run("users.manage", args, async (f, t) => {
    const { sessionsEnded } = await signOutUserEverywhere({ userId: f.userId });
    return t("userActions.done.signOutEverywhere", { count: sessionsEnded });
  });
}
