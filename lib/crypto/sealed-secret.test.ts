import { test } from "node:test";
import assert from "node:assert/strict";
import { seal, unseal } from "@/lib/crypto/sealed-secret";

test("a sealed secret opens only untouched, and says nothing of itself", () => {
  const sealed = seal("pairing-key", "K7Q2M-9XW4D");
  assert.equal(unseal("pairing-key", sealed), "K7Q2M-9XW4D");
  assert.ok(!sealed.includes("K7Q2M"));
  // The same secret twice seals differently (a fresh IV each time).
  assert.notEqual(seal("pairing-key", "K7Q2M-9XW4D"), sealed);
  const [iv, body, tag] = sealed.split(".");
  const flipped = `${iv}.${body!.slice(0, -2)}${body!.slice(-2) === "AA" ? "AB" : "AA"}.${tag}`;
  assert.equal(unseal("pairing-key", flipped), null);
  assert.equal(unseal("pairing-key", "not.sealed.atall"), null);
  assert.equal(unseal("pairing-key", ""), null);
});
