import "server-only";
import { notFound } from "next/navigation";

/**
 * Server actions are public POST endpoints: anyone can call one with any arguments the wire format
 * encodes (numbers, objects, arrays) instead of the FormData or string its form sends. Each action
 * checks its arguments' shapes through these before touching them, so a wrong shape answers 404
 * ("no such action takes that"), as Next does for an unknown action id, and never reaches our code as
 * a TypeError and a 500. Next lets an action answer only 401, 403 or 404 besides its own statuses.
 */
const MAX_FIELDS = 64;
const MAX_KEY_LENGTH = 100;
// Larger than any honest field (a WebAuthn attestation with its certificates is a few kB).
const MAX_FIELD_LENGTH = 64_000;

/**
 * The action's FormData: text fields, a bounded number of bounded size. A file is taken only in a field
 * the action names in `files`, once, up to that field's byte limit (its own rules, such as which
 * images, are the action's to check and explain).
 */
export function formDataArgument(value: unknown, options: { files?: Record<string, number> } = {}): FormData {
  if (!(value instanceof FormData)) refuse("expected FormData");
  let count = 0;
  const seenFiles = new Set<string>();
  for (const [key, field] of value.entries()) {
    count += 1;
    if (count > MAX_FIELDS) refuse("too many fields");
    if (key.length > MAX_KEY_LENGTH) refuse("field name too long");
    if (typeof field === "string") {
      if (field.length > MAX_FIELD_LENGTH) refuse("field too long");
      continue;
    }
    const maxBytes = Object.hasOwn(options.files ?? {}, key) ? options.files![key]! : undefined;
    if (maxBytes === undefined || seenFiles.has(key)) refuse("file upload");
    if (field.size > maxBytes) refuse("file too large");
    seenFiles.add(key);
  }
  return value;
}

/** A string argument of bounded length. */
export function stringArgument(value: unknown, maxLength = 2_000): string {
  if (typeof value !== "string" || value.length > maxLength) refuse("expected a short string");
  return value;
}

/** Arguments beyond what the action takes (all of them, for one that takes none): the caller is not our page. */
export function noArguments(args: readonly unknown[]): void {
  if (args.length > 0) refuse("expected no arguments");
}

function refuse(reason: string): never {
  console.warn(`server action refused: ${reason}`);
  notFound();
}
