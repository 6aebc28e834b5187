import { test } from "node:test";
import assert from "node:assert/strict";
import { isCounterRegression } from "@/lib/webauthn/signature-counter";

test("authenticators without a counter report 0 every time, which is fine", () => {
  assert.equal(isCounterRegression(0, 0), false);
});

test("a counter that grows is fine, from zero too", () => {
  assert.equal(isCounterRegression(5, 6), false);
  assert.equal(isCounterRegression(0, 1), false);
  assert.equal(isCounterRegression(5, 500), false);
});

test("a counter that stays or goes back is a regression", () => {
  assert.equal(isCounterRegression(6, 6), true);
  assert.equal(isCounterRegression(6, 3), true);
});

test("once a credential has counted, a later 0 is a regression", () => {
  assert.equal(isCounterRegression(5, 0), true);
  assert.equal(isCounterRegression(1, 0), true);
});
