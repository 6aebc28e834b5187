import { z } from "zod";
import { signInMessages } from "@/lib/validations/sign-in-fields";
import { validationMessages } from "@/lib/validations/validation-messages";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: signInMessages.email }));

// NIST SP 800-63B: length over composition rules; 12 is above its floor for a password used with MFA.
export const newPasswordSchema = z
  .string()
  .min(12, { error: validationMessages.passwordTooShort })
  .max(128, { error: validationMessages.max128 });

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: validationMessages.name }).max(80, { error: validationMessages.max80 }),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: signInMessages.password }).max(128, { error: signInMessages.passwordTooLong }),
});

export const magicLinkRequestSchema = z.object({ email: emailSchema });

export const magicLinkTokenSchema = z.object({ token: z.string().min(20).max(200) });

/** "Choose a new password" from a reset link: the link's token and the new password (strength is checked on the server). */
export const passwordResetSchema = z.object({ token: z.string().min(20).max(200), password: newPasswordSchema });
