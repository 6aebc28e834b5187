import Bowser from "bowser";

/**
 * What a user agent says about the browser and system behind it, read by bowser (a kept parser, so
 * new browsers and systems are named as its list grows, not as ours does). Pure: the phone's sign-in
 * request, the registered browsers' default names, the admin console and "Your sessions" share it.
 */
export type UserAgentSummary = {
  /** "Chrome", "Safari", "Edge"; null when the user agent names no browser we can tell. */
  browser: string | null;
  /** "Windows", "macOS", "iPhone", "Android"; null when unknown. */
  system: string | null;
  /** Whether it looks like a phone, a tablet or a computer, for the icon beside it. */
  form: "mobile" | "tablet" | "desktop" | null;
};

// bowser's names, shortened to what people call them ("Microsoft Edge" is "Edge" in every menu).
const browserNames: Record<string, string> = {
  "Microsoft Edge": "Edge",
  "Samsung Internet for Android": "Samsung Internet",
};
const systemNames: Record<string, string> = { "Chrome OS": "ChromeOS" };

export function parseUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (!userAgent) return { browser: null, system: null, form: null };
  const parsed = Bowser.parse(userAgent);
  const browserName = parsed.browser.name || null;
  const osName = parsed.os.name || null;
  const form = parsed.platform.type === "mobile" || parsed.platform.type === "tablet" || parsed.platform.type === "desktop" ? parsed.platform.type : null;
  // "iOS" covers phones and tablets; people say which, and bowser tells them apart.
  const system = osName === "iOS" ? (form === "tablet" ? "iPad" : "iPhone") : osName ? (systemNames[osName] ?? osName) : null;
  const browser = browserName ? (browserNames[browserName] ?? browserName) : null;
  return { browser, system, form };
}

/**
 * "Chrome on Windows", "Safari on iPhone": enough for a person to tell their own sign-in from someone
 * else's. Only what the parser recognises; anything else is null rather than a guess.
 */
export function describeBrowser(userAgent: string | null | undefined): string | null {
  const { browser, system } = parseUserAgent(userAgent);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system;
}
