/** Only a path on this site may be a return address; anything else (//evil, https://…) goes home. */
export function safeReturnPath(value: string | null | undefined, fallback = "/account"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
