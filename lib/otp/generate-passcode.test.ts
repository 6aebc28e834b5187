import { test, mock } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { generatePasscode, normalizePasscode } from "@/lib/otp/generate-passcode";

test("codes have the configured length, digits only, zero-padded", () => {
  for (const length of [6, 8, 10]) {
    for (let i = 0; i < 200; i++) assert.match(generatePasscode(length), new RegExp(`^\\d{${length}}$`));
  }
  assert.throws(() => generatePasscode(5), RangeError);
  assert.throws(() => generatePasscode(11), RangeError);
});

test("codes come from crypto.randomInt over the whole range, not Math.random", () => {
  const spy = mock.method(crypto, "randomInt", () => 42);
  const random = mock.method(Math, "random");
  try {
    assert.equal(generatePasscode(6), "000042");
    assert.equal(generatePasscode(10), "0000000042");
    assert.equal(spy.mock.callCount(), 2);
    assert.deepEqual(spy.mock.calls[0]?.arguments, [0, 1_000_000]);
    assert.deepEqual(spy.mock.calls[1]?.arguments, [0, 10_000_000_000]);
    assert.equal(random.mock.callCount(), 0);
  } finally {
    spy.mock.restore();
    random.mock.restore();
  }
  assert.doesNotMatch(readFileSync("lib/otp/generate-passcode.ts", "utf8"), /Math\.random/);
});

test("codes are spread over all digits (a constant or low-entropy source fails this)", () => {
  const counts = Array.from({ length: 10 }, () => 0);
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const code = generatePasscode(6);
    seen.add(code);
    for (const d of code) counts[Number(d)]!++;
  }
  // 12,000 digits: each should appear about 1,200 times.
  for (const n of counts) assert.ok(n > 1000 && n < 1400, `digit count ${n} out of range`);
  assert.ok(seen.size > 1990);
});

test("input is normalised: spaces, dashes and case do not matter", () => {
  assert.equal(normalizePasscode(" 123 456 "), "123456");
  assert.equal(normalizePasscode("123-456"), "123456");
  assert.equal(normalizePasscode("AB-cd 12"), "abcd12");
  assert.equal(normalizePasscode("   "), "");
});
