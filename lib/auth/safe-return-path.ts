/**
 * Where the app may send someone after signing in or finishing a step (security.md item 29).
 *
 * Only a path on this site is accepted. The value is decoded a few layers first, because a browser,
 * a proxy or next-auth may decode it again on the way: a `%2F%2Fevil.example` that is harmless
 * today becomes `//evil.example` after one more decoding. Anything with control characters or
 * backslashes at any layer is refused outright (browsers drop tabs and newlines and read `\` as `/`,
 * so `/\tevil` and `/\evil` both lead off-site). What survives is parsed as a URL against the app's
 * origin and must still be on that origin; the answer is rebuilt from the parsed URL, so what reaches
 * a `Location` header or `window.location` is the normalized path, never the raw input.
 *
 * Pure and free of server imports so the sign-in form can use it in the browser too.
 */
const MAX_LENGTH = 2048;
const DECODE_LAYERS = 4;
// C0 controls, DEL and C1 controls, plus the backslash that browsers treat as a slash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
// Stand-in origin when no origin is given: then only relative paths can pass.
const RELATIVE_ONLY_ORIGIN = "http://return-path.invalid";

export type SafeReturnPathOptions = {
  /** The path to use when the value is refused. */
  fallback?: string;
  /** The app's origin (config().appOrigin); absolute URLs on it are accepted and made relative. */
  origin?: string;
};

export function safeReturnPath(value: unknown, options: SafeReturnPathOptions | string = {}): string {
  const { fallback = "/account", origin } = typeof options === "string" ? { fallback: options } : options;
  return normalize(value, origin) ?? fallback;
}

function normalize(value: unknown, origin: string | undefined): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  let base: URL;
  try {
    base = new URL(origin ?? RELATIVE_ONLY_ORIGIN);
  } catch {
    return null;
  }

  let candidate = value;
  // An absolute URL is accepted only when it names this very origin; it then becomes a path.
  if (!candidate.startsWith("/")) {
    if (!origin) return null;
    const prefix = base.origin;
    if (candidate !== prefix && !candidate.startsWith(`${prefix}/`) && !candidate.startsWith(`${prefix}?`) && !candidate.startsWith(`${prefix}#`)) {
      return null;
    }
    candidate = candidate.slice(prefix.length) || "/";
    if (!candidate.startsWith("/")) candidate = `/${candidate}`;
  }

  if (!isHarmlessAtEveryLayer(candidate)) return null;

  let parsed: URL;
  try {
    parsed = new URL(candidate, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base.origin) return null;
  const result = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Dot segments can collapse into a protocol-relative path (`/.//evil` becomes `//evil`), so the
  // normalized answer is checked again, every layer of it.
  if (!isHarmlessAtEveryLayer(result)) return null;
  return result;
}

function isHarmlessAtEveryLayer(path: string): boolean {
  let layer = path;
  for (let i = 0; i <= DECODE_LAYERS; i++) {
    if (FORBIDDEN.test(layer)) return false;
    if (!layer.startsWith("/") || layer.startsWith("//")) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      // Malformed percent-encoding: someone built this by hand; no honest link looks like that.
      return false;
    }
    if (decoded === layer) return true;
    layer = decoded;
  }
  // Still changing after several layers: refuse rather than guess what the last hop will see.
  return false;
}
