import "server-only";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/app-error";
import { CHALLENGE_TTL_SECONDS, liveChallenge, storeChallenge } from "@/lib/webauthn/challenges";
import { parseTransports, userHandleFor, type WebAuthnDeviceType } from "@/lib/webauthn/credential-data";
import { relyingParty, relyingPartyName, userVerification } from "@/lib/webauthn/relying-party";

/**
 * Options for navigator.credentials.create(): a PLATFORM device is a passkey (discoverable, on this
 * device or its synced keychain), a SECURITY_KEY is a roaming key used as a second factor, so it need
 * not spend one of its few resident-key slots. The challenge is kept for this user, flow and ceremony.
 */
export async function generateRegistrationOptionsForUser(options: {
  userId: string;
  flowExecutionId: string;
  type: WebAuthnDeviceType;
  /** The name the authenticator shows, when an API application names its own (rp.name); else ours. */
  rpName?: string;
  /** Show the flow's live challenge again rather than a new one (lib/webauthn/challenges.ts liveChallenge). */
  reuseLiveChallenge?: boolean;
}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { userId, flowExecutionId, type } = options;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) throw notFound("Account");
  // Every credential the user already has, blocked or not: the authenticator refuses to make a second
  // one, rather than the user finding out after the ceremony that the device is already registered.
  const existing = await db.device.findMany({
    where: { userId, credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  const rp = relyingParty();
  const live = options.reuseLiveChallenge ? await liveChallenge({ userId, flowExecutionId, ceremony: "registration" }) : null;
  const creation = await generateRegistrationOptions({
    // As bytes: the library would encode a string challenge once more.
    ...(live ? { challenge: isoBase64URL.toBuffer(live) } : {}),
    rpName: options.rpName ?? (await relyingPartyName()),
    rpID: rp.id,
    userID: userHandleFor(userId),
    userName: user.email,
    userDisplayName: user.name?.trim() || user.email,
    timeout: CHALLENGE_TTL_SECONDS * 1000,
    attestationType: "none",
    excludeCredentials: existing.flatMap((d) =>
      d.credentialId === null ? [] : [{ id: d.credentialId, transports: parseTransports(d.transports) }],
    ),
    authenticatorSelection: {
      authenticatorAttachment: type === "PLATFORM" ? "platform" : "cross-platform",
      residentKey: type === "PLATFORM" ? "required" : "discouraged",
      userVerification: await userVerification(),
    },
    preferredAuthenticatorType: type === "PLATFORM" ? "localDevice" : "securityKey",
  });
  if (!live) await storeChallenge({ userId, flowExecutionId, ceremony: "registration", challenge: creation.challenge });
  return creation;
}
