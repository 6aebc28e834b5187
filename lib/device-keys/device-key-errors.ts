/** Why a browser is not taken as known: each refusal is audited with this reason. */
export type DeviceKeyRefusal =
  /** No challenge with this nonce for this user and asker, or it was used or expired. */
  | "CHALLENGE_INVALID"
  /** No such key for this user (another user's key_id reads the same). */
  | "UNKNOWN_KEY"
  | "BLOCKED"
  | "SIGNATURE_INVALID";

export const DEVICE_KEY_REFUSAL_MESSAGES: Record<DeviceKeyRefusal, string> = {
  CHALLENGE_INVALID: "This check has expired or was already used. Start again.",
  UNKNOWN_KEY: "This browser is not registered to the account.",
  BLOCKED: "This browser is blocked for the account.",
  SIGNATURE_INVALID: "This browser could not prove it holds its key.",
};
