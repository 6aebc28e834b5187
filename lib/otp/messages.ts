/**
 * Results of checking a one-time code (passcodes and authenticator apps) and what to tell the user.
 * Pure, so the forms can show the same words the server chose.
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

export function lockedMessage(lockedUntil: Date): string {
  return `Too many wrong codes. For your security this device is locked until ${formatUtc(lockedUntil)}. You can use another device in the meantime.`;
}

/**
 * A device found locked when it is chosen, whoever locked it (wrong codes, or an administrator until a
 * date): the time it unlocks, and what to do meanwhile.
 */
export function deviceLockedMessage(lockedUntil: Date, otherWays: boolean): string {
  const meanwhile = otherWays ? "Use another device, or try again after that time." : "Try again after that time, or contact support for help.";
  return `This device is locked until ${formatUtc(lockedUntil)}. ${meanwhile}`;
}

export function codeCheckMessage(result: CodeCheckFailure): string {
  switch (result.reason) {
    case "invalid":
      return result.attemptsLeft !== undefined && result.attemptsLeft <= 3
        ? `That code is not right. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "attempt" : "attempts"} left.`
        : "That code is not right. Check it and try again.";
    case "expired":
      return "This code has expired or was replaced by a newer one. Request a new code.";
    case "exhausted":
      return "This code can no longer be used after too many wrong attempts. Request a new code.";
    case "locked":
      return lockedMessage(result.lockedUntil);
    case "replayed":
      return "That code was already used. Wait for the next code in your authenticator app.";
  }
}

export function rateLimitedMessage(retryAt: Date): string {
  return `Too many codes were sent. Try again after ${formatUtc(retryAt)}.`;
}

/** The count is kept by the flow (its `maxResend`); this only says whether one more is allowed. */
export function canResend(resendCount: number, maxResends: number): boolean {
  return resendCount < maxResends;
}

export const NO_MORE_RESENDS_MESSAGE =
  "You have asked for the most new codes allowed. Use the last code sent, or start again later.";
