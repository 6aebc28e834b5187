import { test } from "node:test";
import assert from "node:assert/strict";
import { hashToken, randomToken, safeEqual } from "@/lib/auth/tokens";

test("magic-link tokens carry 256 bits and are stored only as a hash", () => {
  const token = randomToken();
  assert.equal(Buffer.from(token, "base64url").length, 32);
  assert.notEqual(hashToken(token), token);
  assert.equal(hashToken(token), hashToken(token));
  assert.notEqual(randomToken(), token);
});

test("safeEqual compares whole strings", () => {
  assert.equal(safeEqual("abc", "abc"), true);
  assert.equal(safeEqual("abc", "abd"), false);
  assert.equal(safeEqual("abc", "abcd"), false);
});
