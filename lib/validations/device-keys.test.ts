import { test } from "node:test";
import assert from "node:assert/strict";
import { BROWSER_NAME_MAX, browserNameSchema, keyIdSchema } from "@/lib/validations/device-keys";
import { DISPLAY_NAME_MAX } from "@/lib/device-keys/register-device-key";

test("a browser's name is trimmed, 1 to 60 characters (the domain's limit), without control characters", () => {
  assert.equal(BROWSER_NAME_MAX, DISPLAY_NAME_MAX);
  assert.equal(browserNameSchema.parse("  Work laptop "), "Work laptop");
  assert.equal(browserNameSchema.parse("x".repeat(60)), "x".repeat(60));
  assert.equal(browserNameSchema.parse("💻 Ordinateur"), "💻 Ordinateur");
  for (const bad of ["", "   ", "x".repeat(61), "tab\there", "line\nbreak", "\u0085", "\ud800", 42, null]) {
    assert.equal(browserNameSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test("a key id is a base64url token of 16 to 128 characters", () => {
  assert.equal(keyIdSchema.parse("AbCdEfGhIjKlMnOpQrStUv"), "AbCdEfGhIjKlMnOpQrStUv");
  for (const bad of ["", "short", "has spaces in it here", "a".repeat(129), "slash/slash/slash/slash", { keyId: "x" }]) {
    assert.equal(keyIdSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
