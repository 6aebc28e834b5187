import { formatUtc } from "@/lib/otp/messages";
import { inEnglish, text, type Text } from "@/lib/i18n/text";

/** What the sign-in page says about a refused recovery code. Pure: the same words wherever shown. */
export type RecoveryCodeFailure =
  | { reason: "invalid"; attemptsLeft?: number }
  | { reason: "already_used"; attemptsLeft?: number }
  | { reason: "locked"; lockedUntil: Date }
  | { reason: "none" };

/** The attempts left are told when few remain (three or fewer). */
const fewLeft = (left: number | undefined): left is number => left !== undefined && left <= 3;

export function recoveryCodeMessage(result: RecoveryCodeFailure): Text {
  switch (result.reason) {
    case "invalid":
      return fewLeft(result.attemptsLeft)
        ? text("authentication.recoveryCode.invalidAttemptsLeft", { left: result.attemptsLeft })
        : text("authentication.recoveryCode.invalid");
    case "already_used":
      return fewLeft(result.attemptsLeft)
        ? text("authentication.recoveryCode.alreadyUsedAttemptsLeft", { left: result.attemptsLeft })
        : text("authentication.recoveryCode.alreadyUsed");
    case "locked":
      return text("authentication.recoveryCode.locked", { until: formatUtc(result.lockedUntil) });
    case "none":
      return text("authentication.recoveryCode.noneLeft");
  }
}

/** The notice on the device list after a sign-in with a recovery code, as a Text. */
export function recoveredNoticeText(left: number): Text {
  return text("authentication.recoveryCode.recovered", { left });
}
