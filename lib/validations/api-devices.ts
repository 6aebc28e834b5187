import { z } from "zod";
import { nicknameSchema } from "@/lib/validations/devices";

/**
 * The flow API's devices resource (/api/v1/users/{id}/devices): what an application may send. The
 * nickname's rule is the portal's own schema, so a name the portal refuses is refused here too.
 */

/** A device id in a URL: an unknown shape is simply a device that is not found. */
export const apiDeviceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .meta({ description: "The device's id, as in its `self` link." });

/** The statuses an application may set: blocking and unblocking. A pending device is finished by its registration, not here. */
export const apiDeviceStatusSchema = z.enum(["ACTIVE", "BLOCKED"], { error: 'status must be "ACTIVE" or "BLOCKED".' });

const UPDATE_FIELDS = ["nickname", "default", "status"] as const;

/**
 * PATCH /api/v1/users/{id}/devices/{deviceId}: rename, make default, block, unblock; at least one.
 * A field that already has the asked-for value changes nothing (no audit row, no email).
 * `default` is only ever `true`: the default moves by making another device the default.
 */
export const updateApiDeviceSchema = z
  .strictObject({
    nickname: z
      .string({ error: "nickname must be a string." })
      .pipe(nicknameSchema)
      .optional()
      .meta({ description: "A new name for the device; trimmed, 1 to 40 printable characters.", examples: ["Work phone"] }),
    default: z
      .literal(true, { error: "default can only be true: make another device the default instead." })
      .optional()
      .meta({ description: "true makes this device the user's default; only an active device can be." }),
    status: apiDeviceStatusSchema
      .optional()
      .meta({ description: "BLOCKED blocks the device (it fails on its next use and stops being the default); ACTIVE unblocks it.", examples: ["BLOCKED"] }),
  })
  .superRefine((input, ctx) => {
    if (UPDATE_FIELDS.every((field) => input[field] === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: `Send at least one of ${UPDATE_FIELDS.join(", ")}.` });
    }
    // Blocking takes the default badge away (the default device rule), so the two contradict each other.
    if (input.default === true && input.status === "BLOCKED") {
      ctx.addIssue({ code: "custom", path: ["default"], message: "A device being blocked cannot become the default." });
    }
  })
  .meta({ description: "The changes to make: at least one of nickname, default and status." });

export type UpdateApiDeviceInput = z.output<typeof updateApiDeviceSchema>;
