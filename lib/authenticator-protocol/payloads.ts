/**
 * The canonical strings the phone signs and the server verifies. The server imports this very module,
 * so the two sides cannot build the string differently. Each begins with its own context line, so a
 * signature over one kind of request can never stand for another; every field is checked before it
 * is joined, so no value can contain the separator and shift the fields (security.md items 18, 20).
 *
 *   mfa-push-v1\n<challengeId>\n<number>\n<decision>\n<signedAt>     a decision on a sign-in request
 *   mfa-list-v1\n<deviceId>\n<signedAt>                               listing the device's pending requests
 *   mfa-subscribe-v1\n<deviceId>\n<endpoint>\n<signedAt>              saving the device's push subscription
 *   mfa-unsubscribe-v1\n<deviceId>\n<signedAt>                        forgetting it
 *
 * `number` is the two-digit number the person chose (empty when denying without choosing one),
 * `decision` is APPROVE or DENY, `signedAt` the phone's clock in milliseconds since 1970 (UTC), which
 * must be within SIGNATURE_WINDOW_SECONDS of the server's.
 */
export const PUSH_DECISION_CONTEXT = "mfa-push-v1";
export const LIST_REQUEST_CONTEXT = "mfa-list-v1";
export const SUBSCRIBE_REQUEST_CONTEXT = "mfa-subscribe-v1";
export const UNSUBSCRIBE_REQUEST_CONTEXT = "mfa-unsubscribe-v1";
export const SIGNATURE_WINDOW_SECONDS = 60;

export const PUSH_DECISIONS = ["APPROVE", "DENY"] as const;
export type PushDecision = (typeof PUSH_DECISIONS)[number];

/** The numbers of number matching: two digits, 10 to 99. */
export const MATCH_NUMBER_MIN = 10;
export const MATCH_NUMBER_MAX = 99;

export type DecisionFields = {
  challengeId: string;
  /** The number chosen on the phone; null only when denying. */
  number: number | null;
  decision: PushDecision;
  signedAt: number;
};

export type ListRequestFields = { deviceId: string; signedAt: number };
/** `endpoint` is the push subscription's: signing it means a captured request cannot send the pushes elsewhere. */
export type SubscribeRequestFields = { deviceId: string; endpoint: string; signedAt: number };
export type UnsubscribeRequestFields = { deviceId: string; signedAt: number };

export class PayloadError extends TypeError {
  constructor(field: string) {
    super(`Invalid ${field}.`);
    this.name = "PayloadError";
  }
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;

function id(value: unknown, field: string): string {
  if (typeof value !== "string" || !ID.test(value)) throw new PayloadError(field);
  return value;
}

/** A push service's URL as the browser gives it: https (http only for a local test endpoint), one line. */
const ENDPOINT_MAX_LENGTH = 2048;
function endpoint(value: unknown): string {
  if (typeof value !== "string" || value.length > ENDPOINT_MAX_LENGTH || /[\s]/.test(value) || !/^https?:\/\/[^/]/.test(value)) throw new PayloadError("endpoint");
  return value;
}

function signedAt(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new PayloadError("signedAt");
  return value;
}

export function isMatchNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= MATCH_NUMBER_MIN && value <= MATCH_NUMBER_MAX;
}

export function decisionPayload(fields: DecisionFields): string {
  const decision = fields.decision;
  if (!PUSH_DECISIONS.includes(decision)) throw new PayloadError("decision");
  if (fields.number === null ? decision !== "DENY" : !isMatchNumber(fields.number)) throw new PayloadError("number");
  return [PUSH_DECISION_CONTEXT, id(fields.challengeId, "challengeId"), fields.number ?? "", decision, signedAt(fields.signedAt)].join("\n");
}

export function listRequestPayload(fields: ListRequestFields): string {
  return [LIST_REQUEST_CONTEXT, id(fields.deviceId, "deviceId"), signedAt(fields.signedAt)].join("\n");
}

/** Saving a push subscription: where the pushes go is part of what the key vouches for. */
export function subscribeRequestPayload(fields: SubscribeRequestFields): string {
  return [SUBSCRIBE_REQUEST_CONTEXT, id(fields.deviceId, "deviceId"), endpoint(fields.endpoint), signedAt(fields.signedAt)].join("\n");
}

/**
 * Forgetting the push subscription. Its own context line, although its fields are a list request's: a
 * captured list request must not be replayable as an unsubscription and the other way round.
 */
export function unsubscribeRequestPayload(fields: UnsubscribeRequestFields): string {
  return [UNSUBSCRIBE_REQUEST_CONTEXT, id(fields.deviceId, "deviceId"), signedAt(fields.signedAt)].join("\n");
}

/** Whether a signature's time is close enough to `now` (both in milliseconds), either way. */
export function withinSignatureWindow(signedAtMs: number, nowMs: number): boolean {
  return Math.abs(nowMs - signedAtMs) <= SIGNATURE_WINDOW_SECONDS * 1000;
}
