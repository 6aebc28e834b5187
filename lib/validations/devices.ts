import { z } from "zod";

// Control characters (C0, DEL, C1) would let a nickname break lines in emails and logs. A lone
// surrogate (half of a UTF-16 pair, which a JSON "\ud800" escape can carry) is no character at all
// and would be stored as U+FFFD; a whole pair (an emoji) is one code point and is fine.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;

export const nicknameSchema = z
  .string({ error: "Enter a name for the device." })
  .trim()
  .min(1, { error: "Enter a name for the device." })
  .max(40, { error: "Use at most 40 characters." })
  .refine((v) => !CONTROL_CHARS.test(v), { error: "Use letters, digits, spaces and punctuation only." });

export const deviceIdSchema = z.string({ error: "Choose a device." }).trim().min(1, { error: "Choose a device." }).max(64);
