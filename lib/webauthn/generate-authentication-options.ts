import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { CHALLENGE_TTL_SECONDS, liveChallenge, storeChallenge } from "@/lib/webauthn/challenges";
import { parseTransports, WEBAUTHN_DEVICE_TYPES } from "@/lib/webauthn/credential-data";
import { relyingParty, userVerification } from "@/lib/webauthn/relying-party";

/**
 * Options for navigator.credentials.get(). With a user: their active passkeys and security keys (or
 * the one device asked for, which must be theirs, security.md item 11). Without one: no list, so the
 * browser offers any discoverable passkey for this site, and the response names its account.
 */
export async function generateAuthenticationOptionsForUser(options: {
  userId: string | null;
  flowExecutionId: string;
  deviceId?: string;
  /** Show the flow's live challenge again rather than a new one (lib/webauthn/challenges.ts liveChallenge). */
  reuseLiveChallenge?: boolean;
}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { userId, flowExecutionId, deviceId } = options;
  // A device id without a signed-in or identified user cannot be anyone's.
  if (userId === null && deviceId !== undefined) throw notFound();
  const allowCredentials = userId === null ? undefined : await credentialsOf(userId, deviceId);

  const live = options.reuseLiveChallenge ? await liveChallenge({ userId, flowExecutionId, ceremony: "authentication" }) : null;
  const request = await generateAuthenticationOptions({
    // As bytes: the library would encode a string challenge once more.
    ...(live ? { challenge: isoBase64URL.toBuffer(live) } : {}),
    rpID: relyingParty().id,
    allowCredentials,
    timeout: CHALLENGE_TTL_SECONDS * 1000,
    userVerification: await userVerification(),
  });
  if (!live) await storeChallenge({ userId, flowExecutionId, ceremony: "authentication", challenge: request.challenge });
  return request;
}

async function credentialsOf(userId: string, deviceId: string | undefined) {
  const devices = await db.device.findMany({
    where: {
      userId,
      type: { in: [...WEBAUTHN_DEVICE_TYPES] },
      credentialId: { not: null },
      ...(deviceId === undefined ? { status: "ACTIVE" as const } : { id: deviceId, status: { in: ["ACTIVE" as const, "BLOCKED" as const] } }),
    },
    select: { credentialId: true, transports: true, status: true },
  });
  if (deviceId !== undefined) {
    if (devices.length === 0) throw notFound();
    // A blocked device fails on its very next use (security.md item 10), before any prompt.
    if (devices.some((d) => d.status === "BLOCKED")) throw new AppError("FORBIDDEN", text("errors.device.blocked"));
  }
  // An empty list would silently turn into "any passkey for this site"; say instead there is none.
  if (devices.length === 0) throw new AppError("NOT_FOUND", text("errors.device.noPasskey"));
  return devices.flatMap((d) => (d.credentialId === null ? [] : [{ id: d.credentialId, transports: parseTransports(d.transports) }]));
}
