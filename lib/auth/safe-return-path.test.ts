import { test } from "node:test";
import assert from "node:assert/strict";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

test("only same-site paths are accepted as return addresses", () => {
  assert.equal(safeReturnPath("/devices"), "/devices");
  assert.equal(safeReturnPath("https://evil.example/"), "/account");
  assert.equal(safeReturnPath("//evil.example/"), "/account");
  assert.equal(safeReturnPath("/\\evil.example"), "/account");
  assert.equal(safeReturnPath(undefined), "/account");
});
