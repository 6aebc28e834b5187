import { z } from "zod";
import { validationMessages } from "@/lib/validations/validation-messages";

// Control characters (C0, DEL, C1) would let a nickname break lines in emails and logs. A lone
// surrogate (half of a UTF-16 pair, which a JSON "\ud800" escape can carry) is no character at all
// and would be stored as U+FFFD; a whole pair (an emoji) is one code point and is fine.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;

export const nicknameSchema = z
  .string({ error: validationMessages.nickname })
  .trim()
  .min(1, { error: validationMessages.nickname })
  .max(40, { error: validationMessages.max40 })
  .refine((v) => !CONTROL_CHARS.test(v), { error: validationMessages.printable });

export const deviceIdSchema = z.string({ error: validationMessages.device }).trim().min(1, { error: validationMessages.device }).max(64);
