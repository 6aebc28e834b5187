import { test } from "node:test";
import assert from "node:assert/strict";
import { pushSubscriptionSchema } from "@/lib/validations/push-subscription";

// Shapes as PushSubscription.toJSON() gives them (a P-256 point starts with 0x04: "B" in base64url).
const keys = { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) };
const valid = (endpoint: string) => ({ endpoint, expirationTime: null, keys });

test("production takes only https endpoints at named hosts, without credentials", () => {
  const production = pushSubscriptionSchema("production");
  assert.ok(production.safeParse(valid("https://fcm.googleapis.com/fcm/send/abc")).success);
  assert.ok(production.safeParse(valid("https://web.push.apple.com/QGx")).success);
  for (const endpoint of [
    "http://updates.push.services.mozilla.com/wpush/v2/x",
    "https://127.0.0.1/push",
    "https://2130706433/push",
    "https://[::1]/push",
    "https://localhost/push",
    "https://push.localhost/push",
    "https://intranet/push",
    "https://user:pw@push.example.com/x",
    "ftp://push.example.com/x",
    "not a url",
    `https://push.example.com/${"a".repeat(2100)}`,
  ]) {
    assert.ok(!production.safeParse(valid(endpoint)).success, endpoint);
  }
});

test("outside production a local http push service is allowed, for tests", () => {
  for (const appEnv of ["test", "development"] as const) {
    assert.ok(pushSubscriptionSchema(appEnv).safeParse(valid("http://127.0.0.1:9999/push/1")).success);
    assert.ok(!pushSubscriptionSchema(appEnv).safeParse(valid("file:///etc/passwd")).success);
  }
});

test("the keys must be a P-256 point and a 16-byte secret in base64url; padding is dropped, extra fields too", () => {
  const schema = pushSubscriptionSchema("production");
  const endpoint = "https://push.example.com/x";
  const parsed = schema.parse({ endpoint, keys: { p256dh: `${keys.p256dh}=`, auth: `${keys.auth}==` }, extra: "dropped" });
  assert.deepEqual(parsed, { endpoint, expirationTime: null, keys });
  for (const bad of [
    { p256dh: `A${"A".repeat(86)}`, auth: keys.auth },
    { p256dh: keys.p256dh.slice(0, 60), auth: keys.auth },
    { p256dh: keys.p256dh.replace(/A$/, "+"), auth: keys.auth },
    { p256dh: keys.p256dh, auth: "A".repeat(21) },
    { p256dh: keys.p256dh, auth: "A".repeat(21) + "/" },
    { p256dh: keys.p256dh },
  ]) {
    assert.ok(!schema.safeParse({ endpoint, keys: bad }).success, JSON.stringify(bad));
  }
  assert.ok(!schema.safeParse({ endpoint }).success, "no keys");
});
