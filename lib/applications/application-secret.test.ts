import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  CLIENT_ID_PATTERN,
  generateApplicationSecret,
  generateClientId,
  hashApplicationSecret,
  isWellFormedSecret,
  SECRET_PREFIX,
  secretMatches,
} from "@/lib/applications/application-secret";

test("a key is mfa_sk_ and 49 base62 characters, recognisable by a scanner's pattern, and never repeats", () => {
  const keys = Array.from({ length: 200 }, generateApplicationSecret);
  for (const key of keys) {
    assert.match(key, /^mfa_sk_[0-9A-Za-z]{49}$/);
    assert.ok(key.startsWith(SECRET_PREFIX));
    assert.equal(isWellFormedSecret(key), true);
  }
  assert.equal(new Set(keys).size, keys.length);
});

test("the random part carries 256 bits: every base62 position varies, and 43 of them hold 2^256 values", () => {
  assert.ok(62n ** 43n >= 2n ** 256n);
  const randomParts = Array.from({ length: 400 }, () => generateApplicationSecret().slice(SECRET_PREFIX.length, SECRET_PREFIX.length + 43));
  // The leading digit is small (62^43 is barely above 2^256), so look at the other 42.
  for (let position = 1; position < 43; position++) {
    const seen = new Set(randomParts.map((part) => part[position]));
    assert.ok(seen.size > 30, `position ${position} took only ${seen.size} values in 400 keys`);
  }
});

test("the checksum tells a mistyped, truncated or made-up key from a real one without any lookup", () => {
  const key = generateApplicationSecret();
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "a" ? "b" : "a") + text.slice(at + 1);
  for (const at of [SECRET_PREFIX.length, SECRET_PREFIX.length + 20, key.length - 1]) assert.equal(isWellFormedSecret(flip(key, at)), false, `flipped at ${at}`);
  for (const bad of [key.slice(0, -1), `${key}0`, key.replace("mfa_sk_", "mfa_pk_"), key.toUpperCase(), "", "mfa_sk_", `mfa_sk_${"0".repeat(49)}`, ` ${key}`]) {
    assert.equal(isWellFormedSecret(bad), false, bad);
  }
});

test("only the SHA-256 of a key is stored, and a key matches its own hash alone, in whole", () => {
  const key = generateApplicationSecret();
  const stored = hashApplicationSecret(key);
  assert.equal(stored, createHash("sha256").update(key).digest("hex"));
  assert.ok(!stored.includes(key.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + 8)));
  assert.equal(secretMatches(key, stored), true);
  assert.equal(secretMatches(generateApplicationSecret(), stored), false);
  assert.equal(secretMatches(key, stored.slice(0, -1)), false, "a hash of another length never matches (and never throws)");
  assert.equal(secretMatches(key, ""), false);
  assert.equal(secretMatches(key, stored.toUpperCase()), false);
});

test("client ids are public, distinct and shaped so app:revoke can refuse a typo", () => {
  const ids = Array.from({ length: 200 }, generateClientId);
  for (const id of ids) {
    assert.match(id, CLIENT_ID_PATTERN);
    assert.equal(isWellFormedSecret(id), false);
  }
  assert.equal(new Set(ids).size, ids.length);
});
