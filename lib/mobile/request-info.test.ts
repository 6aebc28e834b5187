import { test } from "node:test";
import assert from "node:assert/strict";
import { matchNumbers } from "@/lib/mobile/match-numbers";
import { describeBrowser, pushRequestInfo } from "@/lib/mobile/request-info";

test("the browser and system a user agent names, or null", () => {
  const cases: [string | null, string | null][] = [
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android"],
    ["curl/8.5.0", null],
    [null, null],
  ];
  for (const [ua, expected] of cases) assert.equal(describeBrowser(ua), expected, String(ua));
  assert.deepEqual(pushRequestInfo({ companyName: "Acme", ip: "192.0.2.1", userAgent: "curl/8.5.0" }), { company: "Acme", browser: null, ip: "192.0.2.1", place: null });
});

test("number matching: the number is one of three distinct two-digit choices, in no fixed place", () => {
  const places = [0, 0, 0];
  const numbers = new Set<number>();
  for (let i = 0; i < 600; i++) {
    const { number, choices } = matchNumbers();
    assert.equal(choices.length, 3);
    assert.equal(new Set(choices).size, 3);
    assert.ok(choices.every((n) => Number.isInteger(n) && n >= 10 && n <= 99));
    places[choices.indexOf(number)]! += 1;
    numbers.add(number);
  }
  // Each place about 200 times; far from it would mean the shuffle gives the answer away.
  for (const count of places) assert.ok(count > 120 && count < 280, `places ${places}`);
  assert.ok(numbers.size > 80, "the numbers cover the two-digit range");
});
