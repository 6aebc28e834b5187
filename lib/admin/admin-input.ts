import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { userIdSchema } from "@/lib/validations/admin-users";
import { deviceIdSchema } from "@/lib/validations/devices";

/**
 * The console's use-cases take what a browser sent; each checks the staff member first (so someone
 * without access learns nothing, not even which input was wrong), then the input through here: a
 * wrong value is a VALIDATION error with a message per field, never a 500.
 */
export function parseAdminInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new AppError("VALIDATION", Object.values(fieldErrors).flat()[0] ?? "Check what you entered.", fieldErrors);
  }
  return parsed.data;
}

export const userInput = z.object({ userId: userIdSchema });
export const userDeviceInput = z.object({ userId: userIdSchema, deviceId: deviceIdSchema });
