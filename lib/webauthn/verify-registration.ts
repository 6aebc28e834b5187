import "server-only";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { activateDevice } from "@/lib/devices/activate-device";
import { deletePendingDevice } from "@/lib/devices/create-pending-device";
import { allowedTopOrigins } from "@/lib/webauthn/allowed-top-origins";
import { authenticatorName } from "@/lib/webauthn/authenticator-names";
import { consumeChallenge } from "@/lib/webauthn/challenges";
import { isExpectedFrame, readClientData, serializeTransports, type WebAuthnDeviceType } from "@/lib/webauthn/credential-data";
import { expectedOrigin, relyingParty, requiresUserVerification } from "@/lib/webauthn/relying-party";

const NICKNAME_MAX = 40;
// Control characters would let a nickname break lines in emails and logs (as lib/validations/devices.ts).
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

const expired = () => new AppError("EXPIRED", text("registration.errors.requestExpired"));
const unverified = (cause?: unknown) => {
  const error = new AppError("VALIDATION", text("registration.errors.notVerified"));
  // Kept for the log at the action boundary; the library's message never reaches the browser.
  if (cause !== undefined) error.cause = cause;
  return error;
};
const alreadyRegistered = () => new AppError("CONFLICT", text("registration.errors.alreadyRegistered"));

/**
 * Finishes a passkey or security-key registration: spends the challenge first (a replayed response
 * fails, security.md item 13), then verifies the attestation against the exact origin and RP ID
 * (item 14) with user verification as the policy says (item 16), stores the credential and activates
 * the device (which makes it default if first, turns MFA on, audits and notifies).
 */
export async function verifyRegistration(options: {
  userId: string;
  flowExecutionId: string;
  type: WebAuthnDeviceType;
  response: RegistrationResponseJSON;
  nickname?: string;
  meta: RequestMeta;
  /** The origin the ceremony ran on, when an API application names its own (lib/webauthn/relying-party.ts). */
  origin?: string;
}): Promise<{ deviceId: string; nickname: string }> {
  const { userId, flowExecutionId, type, response, meta } = options;
  // Checked first: a refused origin costs the caller nothing, not even the challenge.
  const origin = expectedOrigin(options.origin);
  const clientData = readClientData(response?.response?.clientDataJSON);
  if (!clientData) throw unverified();
  const spent = await consumeChallenge({ userId, flowExecutionId, ceremony: "registration", challenge: clientData.challenge });
  if (!spent) throw expired();
  if (!isExpectedFrame(clientData, await allowedTopOrigins({ flowExecutionId }))) throw unverified();

  const rp = relyingParty();
  let info;
  try {
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: clientData.challenge,
      expectedOrigin: origin,
      expectedRPID: rp.id,
      requireUserVerification: await requiresUserVerification(),
    });
    if (!verification.verified) throw new Error("Attestation was not verified");
    info = verification.registrationInfo;
  } catch (error) {
    throw unverified(error);
  }

  const credentialId = isoBase64URL.trimPadding(info.credential.id);
  // Unique across all users (security.md item 15); the unique index settles a race between two requests.
  const taken = await db.device.findUnique({ where: { credentialId }, select: { id: true } });
  if (taken) throw alreadyRegistered();

  const nickname = cleanNickname(options.nickname) || authenticatorName(info.aaguid, type);
  let deviceId: string;
  try {
    const device = await db.device.create({
      data: {
        userId,
        type,
        status: "ACTIVATION_REQUIRED",
        nickname,
        credentialId,
        credentialPublicKey: info.credential.publicKey,
        signCount: info.credential.counter,
        transports: serializeTransports(info.credential.transports),
        aaguid: info.aaguid,
        backupEligible: info.credentialDeviceType === "multiDevice",
        backedUp: info.credentialBackedUp,
        userVerified: info.userVerified,
      },
      select: { id: true },
    });
    deviceId = device.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered();
    throw error;
  }

  try {
    await activateDevice({ userId, deviceId, meta });
  } catch (error) {
    // A pending row would hold the credential id and refuse the same authenticator on the next try.
    await deletePendingDevice({ userId, deviceId });
    throw error;
  }
  return { deviceId, nickname };
}

function cleanNickname(nickname: string | undefined) {
  return (nickname ?? "").replace(CONTROL_CHARS, " ").trim().slice(0, NICKNAME_MAX).trim();
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
