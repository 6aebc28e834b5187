import "server-only";
import { z } from "zod";
import { authenticated, errors, HAL_JSON, halLinksSchema } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { DEVICE_STATUSES, DEVICE_TYPES } from "@/lib/devices/device-types";
import { apiUserIdSchema } from "@/lib/validations/api-users";
import { apiDeviceIdSchema, updateApiDeviceSchema } from "@/lib/validations/api-devices";

/**
 * The devices of a user (app/api/v1/users/[id]/devices): the Device Management flow's operations for
 * servers. The PATCH body is the schema the route parses with; the representation is built in
 * lib/api/devices/device-resource.ts and typed against the schema below.
 */

export const deviceResourceSchema = z
  .strictObject({
    id: z.string(),
    type: z.enum(DEVICE_TYPES),
    status: z.enum(DEVICE_STATUSES).meta({ description: "ACTIVE or BLOCKED: pending registrations are not listed." }),
    nickname: z.string(),
    isDefault: z.boolean().meta({ description: "The device offered first at sign-in." }),
    maskedTarget: z.string().nullable().meta({ description: "The phone number or email address, masked as the portal masks it; null for other types." }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    lockedUntil: z.iso.datetime().nullable().meta({ description: "Set while wrong codes keep the device locked." }),
    authenticatorName: z
      .string()
      .nullable()
      .meta({ description: "Passkeys and security keys: the authenticator's name, known from its AAGUID (\"iCloud Keychain\", \"YubiKey 5 Series\"); null when unknown or for other types." }),
    passkeyStorage: z
      .enum(["synced", "device-bound"])
      .nullable()
      .meta({ description: "Passkeys and security keys: synced when the credential may be backed up to the person's other devices, device-bound when it never leaves the authenticator; null for other types." }),
    _links: halLinksSchema,
  })
  .meta({ id: "Device", description: "A device of a user: never a secret, a credential or a key." });

export const deviceCollectionSchema = z
  .strictObject({
    count: z.int(),
    _embedded: z.strictObject({ devices: z.array(deviceResourceSchema) }),
    _links: halLinksSchema,
  })
  .meta({ id: "DeviceCollection", description: "A user's devices, default first (HAL)." });

export type DeviceResourceBody = z.input<typeof deviceResourceSchema>;
export type DeviceCollectionBody = z.input<typeof deviceCollectionSchema>;

const userPath = z.object({ id: apiUserIdSchema });
const devicePath = z.object({ id: apiUserIdSchema, deviceId: apiDeviceIdSchema });

export const devices: ApiFamily = {
  tag: {
    name: "Devices",
    description:
      "A user's devices, for servers: list, read, rename, make default, block, unblock, remove. The portal's rules apply: each change is audited naming your application, and the user is emailed. Devices are added through the `mfa-enrollment` flow.",
  },
  paths: {
    "/users/{id}/devices": {
      get: authenticated({
        operationId: "listDevices",
        summary: "List a user's devices",
        description: "Active and blocked devices, default first. Another application's user is 404.",
        requestParams: { path: userPath },
        responses: { "200": { description: "The devices.", content: { [HAL_JSON]: { schema: deviceCollectionSchema } } }, ...errors(404) },
      }),
    },
    "/users/{id}/devices/{deviceId}": {
      get: authenticated({
        operationId: "getDevice",
        summary: "Read a device",
        requestParams: { path: devicePath },
        responses: { "200": { description: "The device.", content: { [HAL_JSON]: { schema: deviceResourceSchema } } }, ...errors(404) },
      }),
      patch: authenticated({
        operationId: "updateDevice",
        summary: "Rename, make default, block or unblock a device",
        description: "A field already at the asked-for value changes nothing. Making a blocked device the default is 409 unless the same request unblocks it.",
        requestParams: { path: devicePath },
        requestBody: { required: true, content: { "application/json": { schema: updateApiDeviceSchema } } },
        responses: { "200": { description: "The device as it now is.", content: { [HAL_JSON]: { schema: deviceResourceSchema } } }, ...errors(400, 404, 409, 413, 415) },
      }),
      delete: authenticated({
        operationId: "deleteDevice",
        summary: "Remove a device",
        description: "Removing the user's last active device turns MFA off (the user's `mfaEnabled`).",
        requestParams: { path: devicePath },
        responses: { "204": { description: "Removed." }, ...errors(404) },
      }),
    },
  },
};
