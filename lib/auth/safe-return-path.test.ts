import { test } from "node:test";
import assert from "node:assert/strict";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

const origin = "https://accounts.example.com";

test("only same-site paths are accepted as return addresses", () => {
  assert.equal(safeReturnPath("/devices"), "/devices");
  assert.equal(safeReturnPath("https://evil.example/"), "/account");
  assert.equal(safeReturnPath("//evil.example/"), "/account");
  assert.equal(safeReturnPath("/\\evil.example"), "/account");
  assert.equal(safeReturnPath(undefined), "/account");
});

test("a same-origin path keeps its query and fragment, normalized", () => {
  assert.equal(safeReturnPath("/devices?tab=keys#add", { origin }), "/devices?tab=keys#add");
  assert.equal(safeReturnPath("/account/../devices", { origin }), "/devices");
  assert.equal(safeReturnPath("/devices?next=%2F%2Fx", { origin }), "/devices?next=%2F%2Fx");
  assert.equal(safeReturnPath("/a b", { origin }), "/a%20b");
});

test("an absolute URL on the app's own origin becomes its path; any other origin is refused", () => {
  assert.equal(safeReturnPath(`${origin}/devices?x=1`, { origin }), "/devices?x=1");
  assert.equal(safeReturnPath(origin, { origin }), "/");
  assert.equal(safeReturnPath(`${origin}.evil.example/`, { origin }), "/account");
  assert.equal(safeReturnPath(`${origin}@evil.example/`, { origin }), "/account");
  assert.equal(safeReturnPath("http://accounts.example.com/devices", { origin }), "/account");
  // Without an origin to compare with, absolute URLs are never accepted.
  assert.equal(safeReturnPath(`${origin}/devices`), "/account");
});

test("tabs, newlines, control characters and backslashes never pass, raw or percent-encoded", () => {
  const refused = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%00",
    "/%7f",
    "\\\\evil.example",
    "/\\evil.example",
    "/%5cevil.example",
    "/%5Cevil.example",
    "/%255cevil.example",
    "/devices\\..\\..",
    "\u0085/x",
  ];
  for (const value of refused) assert.equal(safeReturnPath(value, { origin }), "/account", JSON.stringify(value));
});

test("protocol-relative and scheme URLs are refused in every encoding", () => {
  const refused = [
    "//evil.example",
    "///evil.example",
    "/%2fevil.example",
    "/%2Fevil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "/.//evil.example",
    "/./%2Fevil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "%6A%61vascript:alert(1)",
    "data:text/html,x",
    "https:evil.example",
    "http:/evil.example",
    "",
    " /devices",
  ];
  for (const value of refused) assert.equal(safeReturnPath(value, { origin }), "/account", JSON.stringify(value));
});

test("malformed percent-encoding, endless encodings, non-strings and huge values fall back", () => {
  assert.equal(safeReturnPath("/%E0%A4%A", { origin }), "/account");
  assert.equal(safeReturnPath("/%", { origin }), "/account");
  assert.equal(safeReturnPath(`/${"%25".repeat(3)}252F`, { origin }), "/account");
  assert.equal(safeReturnPath(["/devices"], { origin }), "/account");
  assert.equal(safeReturnPath({ toString: () => "/devices" }, { origin }), "/account");
  assert.equal(safeReturnPath(`/${"a".repeat(5000)}`, { origin }), "/account");
  assert.equal(safeReturnPath("//evil.example", { origin, fallback: "/sign-in" }), "/sign-in");
});
