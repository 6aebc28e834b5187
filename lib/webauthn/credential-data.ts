/**
 * Pure helpers for what WebAuthn sends and what we store: user handles, transports and client data.
 * No database and no secrets, so server code and tests share them.
 */
import { decodeClientDataJSON, isoBase64URL, isoUint8Array, type ClientDataJSON } from "@simplewebauthn/server/helpers";

export const WEBAUTHN_DEVICE_TYPES = ["PLATFORM", "SECURITY_KEY"] as const;
export type WebAuthnDeviceType = (typeof WEBAUTHN_DEVICE_TYPES)[number];

/**
 * The user handle (WebAuthn `user.id`) a credential is created with: the UTF-8 bytes of our user id.
 * Stable, so a discoverable passkey names its account; and a cuid says nothing about the person, as
 * the spec asks (no email or name in the handle).
 */
export function userHandleFor(userId: string) {
  return isoUint8Array.fromUTF8String(userId);
}

/** Whether an assertion's base64url `userHandle` is the one we created for this user. */
export function userHandleMatches(userHandle: string, userId: string): boolean {
  if (!isoBase64URL.isBase64URL(userHandle)) return false;
  try {
    return isoBase64URL.toUTF8String(userHandle) === userId;
  } catch {
    return false;
  }
}

const KNOWN_TRANSPORTS = new Set(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);

/** Stored as a comma list (like Session.authMethods); unknown values from the browser are dropped. */
export function serializeTransports(transports: readonly string[] | undefined): string | null {
  const known = [...new Set(transports ?? [])].filter((t) => KNOWN_TRANSPORTS.has(t));
  return known.length > 0 ? known.join(",") : null;
}

/** The stored list, or undefined so the browser tries every transport it has. */
export function parseTransports(stored: string | null): string[] | undefined {
  const list = (stored ?? "").split(",").filter((t) => KNOWN_TRANSPORTS.has(t));
  return list.length > 0 ? list : undefined;
}

/** The client data a browser sent, or null when it is not base64url JSON with a string challenge. */
export function readClientData(clientDataJSON: unknown): ClientDataJSON | null {
  if (typeof clientDataJSON !== "string" || !isoBase64URL.isBase64URL(clientDataJSON)) return null;
  try {
    const data = decodeClientDataJSON(clientDataJSON) as unknown;
    if (typeof data !== "object" || data === null) return null;
    const { challenge } = data as { challenge?: unknown };
    return typeof challenge === "string" && challenge !== "" ? (data as ClientDataJSON) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the ceremony ran where we expect it (security.md item 14): in a top-level page of our own
 * origin, or, only where the flow is embedded (the widget), in an iframe whose top-level page is one
 * of the allowed host origins. A cross-origin response without `topOrigin` (Safari does not send it)
 * is refused, since the page that framed us cannot be told.
 */
export function isExpectedFrame(clientData: Pick<ClientDataJSON, "crossOrigin" | "topOrigin">, allowedTopOrigins: readonly string[]) {
  const { crossOrigin, topOrigin } = clientData;
  if (crossOrigin !== undefined && typeof crossOrigin !== "boolean") return false;
  if (topOrigin !== undefined && typeof topOrigin !== "string") return false;
  if (crossOrigin !== true) return topOrigin === undefined;
  return topOrigin !== undefined && allowedTopOrigins.includes(topOrigin);
}
