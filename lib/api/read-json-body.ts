import "server-only";
import { ApiProblem } from "@/lib/api/problem";

/**
 * The request's body as a JSON object, or the problem to answer instead: 415 for a media type the
 * resource does not take, 413 past the size limit, 400 for anything that is not a JSON object. Read
 * with a cap, so a huge body is refused without being held in memory; never a 500 for any body.
 */
export const MAX_BODY_BYTES = 64 * 1024;

export type JsonBody = { mediaType: string; body: Record<string, unknown> };

/** `accepts`: the media types the resource takes, lower case (the later flow actions name their own vendor types). */
export async function readJsonBody(request: Request, options: { accepts?: readonly string[]; maxBytes?: number } = {}): Promise<JsonBody> {
  const accepts = options.accepts ?? ["application/json"];
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!accepts.includes(mediaType)) {
    throw new ApiProblem(
      "UNSUPPORTED_MEDIA_TYPE",
      mediaType ? `This resource does not take ${mediaType}. Send ${accepts.join(" or ")}.` : `Send the body as ${accepts.join(" or ")}, with that Content-Type.`,
      // RFC 9110 15.5.16: say which media types would have been taken; for PATCH that header is
      // Accept-Patch (RFC 5789 2.2), for POST Accept-Post (W3C LDP 7.1).
      { headers: { [request.method === "PATCH" ? "Accept-Patch" : "Accept-Post"]: accepts.join(", ") } },
    );
  }
  const text = await readText(request, options.maxBytes ?? MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiProblem("MALFORMED_BODY", text.trim() === "" ? "The request body is empty; send a JSON object." : "The request body is not valid JSON.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiProblem("MALFORMED_BODY", "The request body must be a JSON object.");
  }
  return { mediaType, body: body as Record<string, unknown> };
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    // The client went away or sent a broken chunked body.
    throw new ApiProblem("MALFORMED_BODY", "The request body could not be read.");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiProblem("MALFORMED_BODY", "The request body is not valid UTF-8.");
  }
}

function tooLarge(maxBytes: number) {
  return new ApiProblem("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes / 1024} KiB.`);
}
