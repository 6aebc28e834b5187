/**
 * Requests Next.js would fail on with a 500 before any of our code runs: a server action body that is
 * not what the action protocol encodes (Next's decoder throws on it) and a path whose percent-encoding
 * does not decode. proxy.ts answers these 400 instead (security.md item 29). Returns the message for
 * the client, or null when the request is well-formed.
 */
export async function malformedRequestReason(request: Request): Promise<string | null> {
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return "The address is malformed.";
  }
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  try {
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      await request.clone().formData();
      return null;
    }
    // Arguments without a FormData among them travel as a JSON array.
    const body: unknown = JSON.parse(await request.clone().text());
    return Array.isArray(body) ? null : "The action's arguments must be a list.";
  } catch {
    return "The request body is malformed.";
  }
}
