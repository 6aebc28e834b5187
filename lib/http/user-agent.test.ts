import { test } from "node:test";
import assert from "node:assert/strict";
import { describeBrowser, parseUserAgent } from "@/lib/http/user-agent";

// Real user agents of current browsers, as their requests send them.
const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edgeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  safariIPhone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariIPad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  chromeIPhone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  samsungAndroid: "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
  chromeOs: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  operaWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0",
};

test("the browser and system of real user agents, in the words people use", () => {
  const cases: [string | null | undefined, string | null][] = [
    [UA.chromeWindows, "Chrome on Windows"],
    [UA.edgeWindows, "Edge on Windows"],
    [UA.safariMac, "Safari on macOS"],
    [UA.safariIPhone, "Safari on iPhone"],
    [UA.safariIPad, "Safari on iPad"],
    [UA.chromeIPhone, "Chrome on iPhone"],
    [UA.firefoxLinux, "Firefox on Linux"],
    [UA.chromeAndroid, "Chrome on Android"],
    [UA.samsungAndroid, "Samsung Internet on Android"],
    [UA.chromeOs, "Chrome on ChromeOS"],
    [UA.operaWindows, "Opera on Windows"],
  ];
  for (const [ua, expected] of cases) assert.equal(describeBrowser(ua), expected, String(ua));
});

test("a user agent that names no browser is described as nothing, not guessed", () => {
  for (const ua of ["curl/8.5.0", "", null, undefined]) assert.equal(describeBrowser(ua), null, String(ua));
  assert.deepEqual(parseUserAgent(null), { browser: null, system: null, form: null });
});

test("phones, tablets and computers are told apart for the icon beside them", () => {
  assert.equal(parseUserAgent(UA.chromeAndroid).form, "mobile");
  assert.equal(parseUserAgent(UA.safariIPhone).form, "mobile");
  assert.equal(parseUserAgent(UA.safariIPad).form, "tablet");
  assert.equal(parseUserAgent(UA.safariMac).form, "desktop");
  assert.deepEqual(parseUserAgent(UA.edgeWindows), { browser: "Edge", system: "Windows", form: "desktop" });
});
