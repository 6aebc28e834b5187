import { test } from "node:test";
import assert from "node:assert/strict";
import { authenticatorName, knownAuthenticatorName, ZERO_AAGUID } from "@/lib/webauthn/authenticator-names";

test("well-known AAGUIDs give the authenticator's name from the kept list, in any letter case", () => {
  assert.equal(authenticatorName("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "PLATFORM"), "Apple Passwords");
  assert.equal(authenticatorName("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4", "PLATFORM"), "Google Password Manager");
  assert.equal(authenticatorName("08987058-cadc-4b81-b6e1-30de50dcbe96", "PLATFORM"), "Windows Hello");
  assert.equal(authenticatorName("bada5566-a7aa-401f-bd96-45619a55120d", "PLATFORM"), "1Password");
  assert.equal(authenticatorName(" ee882879-721c-4913-9775-3dfcce97072a ", "SECURITY_KEY"), "YubiKey 5 Series");
  assert.equal(knownAuthenticatorName("adce0002-35bc-c60a-648b-0b25f1f05503"), "Chrome on Mac");
});

test("the all-zero, an unknown or a missing AAGUID gives the device type's name", () => {
  assert.equal(authenticatorName(ZERO_AAGUID, "PLATFORM"), "Passkey");
  assert.equal(authenticatorName(ZERO_AAGUID, "SECURITY_KEY"), "Security key");
  // Chromium's virtual authenticator (the e2e tests') is in no list.
  assert.equal(authenticatorName("01020304-0506-0708-0102-030405060708", "SECURITY_KEY"), "Security key");
  assert.equal(authenticatorName(null, "PLATFORM"), "Passkey");
  assert.equal(authenticatorName(undefined, "SECURITY_KEY"), "Security key");
  // A key of the object's prototype is no authenticator.
  assert.equal(knownAuthenticatorName("constructor"), null);
  assert.equal(knownAuthenticatorName("__proto__"), null);
});

test("every name in the list fits a nickname", () => {
  for (const aaguid of ["fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "9eb7eabc-9db5-49a1-b6c3-555a802093f4", "2772ce93-eb4b-4090-8b73-330f48477d73"]) {
    const name = knownAuthenticatorName(aaguid);
    assert.ok(name && name.length <= 40, `${aaguid}: ${name}`);
  }
});
