import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { lockedMessage } from "@/lib/otp/messages";

/** Device types that accept a typed code, so guesses count against them and a lockout covers them. */
export const CODE_DEVICE_TYPES = ["SMS", "VOICE", "EMAIL", "TOTP", "MOBILE"] as const;

/**
 * The user's device that a code is sent to or checked for. Ownership is part of the query, so a foreign
 * id is "not found" (security.md item 11); a blocked device fails (item 10); a locked one says until when
 * (item 6), before anything is sent or checked.
 */
export async function getDeviceForCode(
  options: { userId: string; deviceId: string; now: Date },
  client: Tx | typeof db = db,
) {
  const device = await client.device.findFirst({
    where: { id: options.deviceId, userId: options.userId, type: { in: [...CODE_DEVICE_TYPES] } },
    select: { id: true, type: true, status: true, target: true, totpSecret: true, lockedUntil: true },
  });
  if (!device) throw notFound();
  if (device.status === "BLOCKED") throw new AppError("FORBIDDEN", text("errors.device.blocked"));
  if (device.lockedUntil && device.lockedUntil > options.now) {
    throw new AppError("LOCKED", lockedMessage(device.lockedUntil));
  }
  return device;
}
