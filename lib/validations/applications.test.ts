import { test } from "node:test";
import assert from "node:assert/strict";
import { applicationIdSchema, createApplicationSchema, isOrigin, widgetOriginRemovalSchema, widgetOriginSchema } from "@/lib/validations/applications";

test("an added widget origin is https (http for localhost and 127.0.0.1), origin only, normalised", () => {
  const accepted: Record<string, string> = {
    "https://shop.example.com": "https://shop.example.com",
    " https://Shop.Example.com/ ": "https://shop.example.com",
    "https://shop.example.com:8443": "https://shop.example.com:8443",
    "https://shop.example.com:443": "https://shop.example.com",
    "http://localhost:3000": "http://localhost:3000",
    "http://127.0.0.1:8080": "http://127.0.0.1:8080",
    "https://bücher.example": "https://xn--bcher-kva.example",
  };
  for (const [input, origin] of Object.entries(accepted)) assert.equal(widgetOriginSchema.parse(input), origin, input);
});

test("paths, queries, fragments, credentials, wildcards, plain http elsewhere and non-web schemes are refused", () => {
  const refused = [
    "",
    "   ",
    "shop.example.com",
    "https://shop.example.com/path",
    "https://shop.example.com/?q=1",
    "https://shop.example.com#x",
    "https://user:pw@shop.example.com",
    "https://*.example.com",
    "https://shop.example.com https://evil.example",
    "https://shop.example.com;script-src *",
    "http://shop.example.com",
    "http://10.0.0.1",
    "http://[::1]:3000",
    "ftp://shop.example.com",
    "javascript://alert(1)",
    "data:text/html,hi",
    `https://${"a".repeat(200)}.example`,
  ];
  for (const input of refused) assert.equal(widgetOriginSchema.safeParse(input).success, false, input);
});

test("removal takes any exact origin, even one the environment allowed over plain http, and nothing else", () => {
  assert.equal(widgetOriginRemovalSchema.safeParse({ origin: "http://intranet.example" }).success, true);
  for (const origin of ["http://intranet.example/", "https://a.example/x", "null", "a b", 7]) {
    assert.equal(widgetOriginRemovalSchema.safeParse({ origin }).success, false, String(origin));
  }
  assert.equal(isOrigin("https://a.example"), true);
  assert.equal(isOrigin("https://A.example"), false);
});

test("a new application: a printable name and an optional whole limit", () => {
  assert.deepEqual(createApplicationSchema.parse({ name: " Shop ", rateLimitPerMinute: "" }), { name: "Shop", rateLimitPerMinute: null });
  assert.deepEqual(createApplicationSchema.parse({ name: "Shop", rateLimitPerMinute: " 600 " }), { name: "Shop", rateLimitPerMinute: 600 });
  for (const rateLimitPerMinute of ["0", "-1", "1.5", "1e3", "2000000", "abc"]) {
    assert.equal(createApplicationSchema.safeParse({ name: "Shop", rateLimitPerMinute }).success, false, rateLimitPerMinute);
  }
  for (const name of ["", "  ", "x".repeat(81), "two\nlines"]) assert.equal(createApplicationSchema.safeParse({ name, rateLimitPerMinute: "" }).success, false, name);
  assert.equal(applicationIdSchema.safeParse({ clientId: "app_0000000000000000000000" }).success, true);
  assert.equal(applicationIdSchema.safeParse({ clientId: "app_x" }).success, false);
});
