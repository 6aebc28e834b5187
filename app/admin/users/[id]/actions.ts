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
import { formatUtc } from "@/lib/otp/messages";

/** An action's answer; with `confirmPath` when the change needs the administrator to confirm it's them first. */
export type AdminActionResult = ActionResult & { confirmPath?: string };

/**
 * The one shape of every action on a user's page. Server actions are public endpoints: the arguments'
 * shapes are checked first, then whether the caller is staff allowed this at all, which answers 404
 * like the pages (nobody else learns the console exists). The use-case in lib/admin checks again, with
 * the fresh sign-in it needs, and validates the fields.
 */
async function run(capability: StaffCapability, args: unknown[], change: (fields: Record<string, string>) => Promise<string>): Promise<AdminActionResult> {
  const [data, ...rest] = args;
  noArguments(rest);
  const form = formDataArgument(data);
  const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  try {
    await requireStaff(capability);
  } catch {
    notFound();
  }
  try {
    const message = await change(fields);
    if (fields.userId) revalidatePath(`/admin/users/${fields.userId}`);
    return { status: "success", message };
  } catch (error) {
    const answer: AdminActionResult = failure(error);
    if (error instanceof AppError && error.code === "REAUTH_REQUIRED") {
      answer.confirmPath = confirmIdentityPath(`/admin/users/${encodeURIComponent(fields.userId ?? "")}`);
    }
    return answer;
  }
}

const device = (f: Record<string, string>) => ({ userId: f.userId, deviceId: f.deviceId });

export async function blockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f) => {
    await blockUserDevice(device(f));
    return "Device blocked. It fails on its next use. The user was told by email.";
  });
}

export async function unblockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f) => {
    await unblockUserDevice(device(f));
    return "Device unblocked. It can be used to sign in again. The user was told by email.";
  });
}

export async function unlockUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f) => {
    await unlockUserDevice(device(f));
    return "Device unlocked. It can be used to sign in again at once. The user was told by email.";
  });
}

export async function removeUserDeviceAction(...args: unknown[]) {
  return run("devices.manage", args, async (f) => {
    const { mfaTurnedOff } = await removeUserDevice(device(f));
    return `Device removed. The user was told by email.${mfaTurnedOff ? " It was their last active device, so two-step verification is now off." : ""}`;
  });
}

export async function lockUserDeviceAction(...args: unknown[]) {
  return run("users.manage", args, async (f) => {
    const { until } = await lockUserDevice({ ...device(f), until: f.until });
    return `Device locked until ${formatUtc(until)}. The user was told by email.`;
  });
}

export async function resetUserMfaAction(...args: unknown[]) {
  return run("users.manage", args, async (f) => {
    const { devicesRemoved } = await resetUserMfa({ userId: f.userId });
    return `Two-step verification reset: ${devicesRemoved} ${devicesRemoved === 1 ? "device" : "devices"} removed, and it is off. The user was told by email.`;
  });
}

export async function signOutUserEverywhereAction(...args: unknown[]) {
  return run("users.manage", args, async (f) => {
    const { sessionsEnded } = await signOutUserEverywhere({ userId: f.userId });
    return sessionsEnded === 0 ? "They had no active session." : `Signed out everywhere: ${sessionsEnded} ${sessionsEnded === 1 ? "session" : "sessions"} ended. The user was told by email.`;
  });
}
