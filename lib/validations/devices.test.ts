import { test } from "node:test";
import assert from "node:assert/strict";
import { nicknameSchema } from "@/lib/validations/devices";

test("a nickname is trimmed, 1 to 40 characters, and has no control characters or lone surrogates", () => {
  assert.equal(nicknameSchema.parse("  Work phone "), "Work phone");
  assert.equal(nicknameSchema.parse("📱 Téléphone"), "📱 Téléphone", "a surrogate pair is one character");
  for (const bad of ["", "   ", "x".repeat(41), "bell\u0007", "line\nbreak", "\u0085", "\ud800", "half \udc00 pair"]) {
    assert.equal(nicknameSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
