import { z } from "zod";

/**
 * The admin console's user pages (issue 13): the list's query string and the inputs of the actions on
 * one user. Shared by the pages, the server actions and lib/admin.
 */

export const USER_SORTS = ["email", "name", "created", "lastSignIn"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const userSortLabel: Record<UserSort, string> = {
  email: "Email",
  name: "Name",
  created: "Created",
  lastSignIn: "Last sign-in",
};

// Control characters have no business in a search; refusing them keeps them out of the SQL pattern
// and of the page that echoes the search back.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** One value of a query string: Next gives an array when the parameter repeats; the first one counts. */
const param = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());

/**
 * The list's query: ?q=&sort=&dir=&cursor=. Anything missing takes its default; a value that is not one
 * of ours is an error the page shows (never a 500). The cursor is checked by lib/admin/search-users.ts,
 * which made it.
 */
export const userSearchSchema = z.object({
  q: param
    .transform((v) => (v ?? "").trim())
    .pipe(
      z
        .string()
        .max(100, { error: "Search for at most 100 characters." })
        .refine((v) => !CONTROL_CHARS.test(v), { error: "Search for letters, digits and punctuation only." }),
    ),
  sort: param.transform((v) => v ?? "email").pipe(z.enum(USER_SORTS, { error: "Sort by email, name, created or last sign-in." })),
  dir: param.transform((v) => v ?? "asc").pipe(z.enum(SORT_DIRECTIONS, { error: "Sort ascending or descending." })),
  cursor: param.pipe(z.string().max(600, { error: "This page link is not valid." }).optional()),
});
export type UserSearch = z.infer<typeof userSearchSchema>;

export const userIdSchema = z.string({ error: "Choose a user." }).trim().min(1, { error: "Choose a user." }).max(64);

/** The longest lock an administrator may set: a year, after which a device should be removed instead. */
export const MAX_LOCK_DAYS = 366;

/**
 * The lock's end as the page's date-time field sends it ("2026-12-05T09:30", read as UTC: the page says
 * so, and the server never guesses the administrator's time zone). Must be in the future, within a year.
 */
export function lockUntilSchema(now = new Date()) {
  return z
    .string({ error: "Choose the date and time the lock ends." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "Choose the date and time the lock ends." })
    .transform((v, ctx) => {
      const when = new Date(`${v.length === 16 ? `${v}:00` : v}Z`);
      if (Number.isNaN(when.getTime())) {
        ctx.addIssue({ code: "custom", message: "That is not a valid date and time." });
        return z.NEVER;
      }
      return when;
    })
    .refine((when) => when.getTime() > now.getTime(), { error: "Choose a time in the future." })
    .refine((when) => when.getTime() <= now.getTime() + MAX_LOCK_DAYS * 86_400_000, { error: `Lock for at most ${MAX_LOCK_DAYS} days.` });
}
