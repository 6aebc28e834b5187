import { text, type Text } from "@/lib/i18n/text";

/**
 * Results of checking a one-time code (passcodes and authenticator apps) and what to tell the user.
 * Pure, so the forms can show the same words the server chose; each message is a Text, worded by
 * the door in its reader's language (lib/i18n/text.ts).
 */
export type CodeCheckFailure =
  | { ok: false; reason: "invalid"; attemptsLeft?: number }
  | { ok: false; reason: "expired" }
  | { ok: false; reason: "exhausted" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: "replayed" };

export type CodeCheckResult = { ok: true } | CodeCheckFailure;

/** Minutes are enough for a person, and UTC avoids guessing the reader's time zone on the server. */
export function formatUtc(when: Date): string {
  return `${when.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function lockedMessage(lockedUntil: Date): Text {
  return text("errors.code.locked", { until: formatUtc(lockedUntil) });
}

/**
 * A device found locked when it is chosen, whoever locked it (wrong codes, or an administrator until a
 * date): the time it unlocks, and what to do meanwhile.
 */
export function deviceLockedMessage(lockedUntil: Date, otherWays: boolean): Text {
  return text(otherWays ? "errors.device.lockedUseAnother" : "errors.device.lockedContactSupport", { until: formatUtc(lockedUntil) });
}

export function codeCheckMessage(result: CodeCheckFailure): Text {
  switch (result.reason) {
    case "invalid":
      return result.attemptsLeft !== undefined && result.attemptsLeft <= 3
        ? text("errors.code.invalidAttemptsLeft", { left: result.attemptsLeft })
        : text("errors.code.invalid");
    case "expired":
      return text("errors.code.expired");
    case "exhausted":
      return text("errors.code.exhausted");
    case "locked":
      return lockedMessage(result.lockedUntil);
    case "replayed":
      return text("errors.code.replayed");
  }
}

export function rateLimitedMessage(retryAt: Date): Text {
  return text("errors.code.rateLimited", { until: formatUtc(retryAt) });
}

/** The count is kept by the flow (its `maxResend`); this only says whether one more is allowed. */
export function canResend(resendCount: number, maxResends: number): boolean {
  return resendCount < maxResends;
}

export const NO_MORE_RESENDS_MESSAGE = text("errors.code.noMoreResends");
