import "server-only";
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from "node:crypto";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR, isoUint8Array } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import type { WebAuthnDeviceType } from "@/lib/webauthn/credential-data";
import { relyingParty } from "@/lib/webauthn/relying-party";

/** Each unit test seeds its own user and devices with unique values, so tests never share state. */
export async function createTestUser(data: { name?: string } = {}) {
  return db.user.create({ data: { email: `webauthn-${randomUUID()}@test.local`, name: data.name ?? null }, select: { id: true, email: true } });
}

export const newFlowId = () => `flow-${randomUUID()}`;

/** A stored credential row without a real key, for the rules that are decided before any signature. */
export async function createTestCredentialDevice(
  userId: string,
  data: { type?: WebAuthnDeviceType; status?: "ACTIVE" | "BLOCKED" | "ACTIVATION_REQUIRED"; transports?: string; signCount?: number } = {},
) {
  return db.device.create({
    data: {
      userId,
      type: data.type ?? "PLATFORM",
      status: data.status ?? "ACTIVE",
      nickname: "Test passkey",
      credentialId: isoBase64URL.fromBuffer(randomBytes(16)),
      credentialPublicKey: new Uint8Array([0xa0]),
      transports: data.transports ?? null,
      signCount: data.signCount ?? 0,
    },
    select: { id: true, credentialId: true },
  });
}

type CBOR = Parameters<typeof isoCBOR.encode>[0];

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

type ClientDataExtras = { origin?: string; crossOrigin?: boolean; topOrigin?: string };

/**
 * A software authenticator (ES256, attestation "none") that produces real, signed WebAuthn responses,
 * so the unit tests run the library's verification unmocked. Playwright covers the browser side.
 */
export function createSoftwareAuthenticator(options: { aaguid?: string; backupEligible?: boolean; userVerifying?: boolean } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialIdBytes = new Uint8Array(randomBytes(32));
  const credentialId = isoBase64URL.fromBuffer(credentialIdBytes);
  const aaguid = isoUint8Array.fromHex((options.aaguid ?? "00000000-0000-0000-0000-000000000000").replaceAll("-", ""));
  const backup = options.backupEligible ?? true;
  const uvDefault = options.userVerifying ?? true;

  const flags = (extra: number, uv: boolean) => FLAG_UP | (uv ? FLAG_UV : 0) | (backup ? FLAG_BE | FLAG_BS : 0) | extra;

  return {
    credentialId,
    register(input: { challenge: string; counter?: number; uv?: boolean } & ClientDataExtras): RegistrationResponseJSON {
      const clientDataJSON = clientData("webauthn.create", input);
      const authData = isoUint8Array.concat([
        rpIdHash(),
        Uint8Array.of(flags(FLAG_AT, input.uv ?? uvDefault)),
        uint32(input.counter ?? 0),
        aaguid,
        Uint8Array.of(credentialIdBytes.length >> 8, credentialIdBytes.length & 0xff),
        credentialIdBytes,
        coseKey(publicKey),
      ]);
      const attestationObject = isoCBOR.encode(new Map<string, CBOR>([["fmt", "none"], ["attStmt", new Map<string, CBOR>()], ["authData", authData]]));
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          attestationObject: isoBase64URL.fromBuffer(attestationObject),
          transports: ["internal", "hybrid", "bogus"],
        },
      };
    },
    authenticate(input: { challenge: string; counter: number; userId?: string | null; uv?: boolean; forge?: boolean } & ClientDataExtras): AuthenticationResponseJSON {
      const clientDataJSON = clientData("webauthn.get", input);
      const authData = isoUint8Array.concat([rpIdHash(), Uint8Array.of(flags(0, input.uv ?? uvDefault)), uint32(input.counter)]);
      const signed = isoUint8Array.concat([authData, sha256(clientDataJSON)]);
      // A forged assertion: signed by some other key, as an attacker without the credential would.
      const key: KeyObject = input.forge ? generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey : privateKey;
      const signature = new Uint8Array(sign("sha256", signed, key));
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          authenticatorData: isoBase64URL.fromBuffer(authData),
          signature: isoBase64URL.fromBuffer(signature),
          ...(input.userId ? { userHandle: isoBase64URL.fromUTF8String(input.userId) } : {}),
        },
      };
    },
  };
}

function clientData(type: string, input: { challenge: string } & ClientDataExtras) {
  const data = {
    type,
    challenge: input.challenge,
    origin: input.origin ?? relyingParty().origin,
    crossOrigin: input.crossOrigin ?? false,
    ...(input.topOrigin ? { topOrigin: input.topOrigin } : {}),
  };
  return isoUint8Array.fromUTF8String(JSON.stringify(data));
}

const sha256 = (data: Uint8Array) => new Uint8Array(createHash("sha256").update(data).digest());
const rpIdHash = () => sha256(isoUint8Array.fromUTF8String(relyingParty().id));

function uint32(value: number) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, false);
  return bytes;
}

/** The public key as a COSE EC2 map: kty 2 (EC2), alg -7 (ES256), crv 1 (P-256), x, y. */
function coseKey(publicKey: KeyObject) {
  const jwk = publicKey.export({ format: "jwk" });
  const x = isoBase64URL.toBuffer(jwk.x ?? "");
  const y = isoBase64URL.toBuffer(jwk.y ?? "");
  return isoCBOR.encode(new Map<number, CBOR>([[1, 2], [3, -7], [-1, 1], [-2, x], [-3, y]]));
}
