import { test } from "node:test";
import assert from "node:assert/strict";
import { matchNumbers } from "@/lib/mobile/match-numbers";
import { pushRequestInfo } from "@/lib/mobile/request-info";

test("the phone is shown the browser a user agent names, or nothing for one it cannot tell", () => {
  const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  assert.deepEqual(pushRequestInfo({ companyName: "Acme", ip: "192.0.2.1", userAgent: chrome }), { company: "Acme", browser: "Chrome on Windows", ip: "192.0.2.1", place: null });
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
