import { formatUtc } from "@/lib/otp/messages";

/** What the sign-in page says about a refused recovery code. Pure: the same words wherever shown. */
export type RecoveryCodeFailure =
  | { reason: "invalid"; attemptsLeft?: number }
  | { reason: "already_used"; attemptsLeft?: number }
  | { reason: "locked"; lockedUntil: Date }
  | { reason: "none" };

function attemptsLeft(left: number | undefined) {
  return left !== undefined && left <= 3 ? ` ${left} ${left === 1 ? "attempt" : "attempts"} left.` : "";
}

export function recoveryCodeMessage(result: RecoveryCodeFailure): string {
  switch (result.reason) {
    case "invalid":
      return `That recovery code is not right. Check it and try again.${attemptsLeft(result.attemptsLeft)}`;
    case "already_used":
      return `That recovery code was already used. Each code works once: use another one.${attemptsLeft(result.attemptsLeft)}`;
    case "locked":
      return `Too many wrong codes. For your security your recovery codes are locked until ${formatUtc(result.lockedUntil)}.`;
    case "none":
      return "You have no recovery codes left. Use one of your devices, or contact support for help.";
  }
}

/** The notice on the device list after a sign-in with a recovery code. */
export function recoveredNotice(left: number): string {
  const codes = left === 0 ? "You have no recovery codes left" : `You have ${left} recovery ${left === 1 ? "code" : "codes"} left`;
  return `You signed in with a recovery code. If you lost a device, remove it and add a new one. ${codes}: make new codes below when you run low.`;
}
