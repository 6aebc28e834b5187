import { test } from "node:test";
import assert from "node:assert/strict";
import { authenticatorName, ZERO_AAGUID } from "@/lib/webauthn/authenticator-names";

test("well-known AAGUIDs give the authenticator's name, in any letter case", () => {
  assert.equal(authenticatorName("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "PLATFORM"), "iCloud Keychain");
  assert.equal(authenticatorName("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4", "PLATFORM"), "Google Password Manager");
  assert.equal(authenticatorName("08987058-cadc-4b81-b6e1-30de50dcbe96", "PLATFORM"), "Windows Hello");
  assert.equal(authenticatorName("bada5566-a7aa-401f-bd96-45619a55120d", "PLATFORM"), "1Password");
  assert.equal(authenticatorName("ee882879-721c-4913-9775-3dfcce97072a", "SECURITY_KEY"), "YubiKey 5 Series");
});

test("the all-zero, an unknown or a missing AAGUID gives the device type's name", () => {
  assert.equal(authenticatorName(ZERO_AAGUID, "PLATFORM"), "Passkey");
  assert.equal(authenticatorName(ZERO_AAGUID, "SECURITY_KEY"), "Security key");
  assert.equal(authenticatorName("01020304-0506-0708-0102-030405060708", "SECURITY_KEY"), "Security key");
  assert.equal(authenticatorName(null, "PLATFORM"), "Passkey");
  assert.equal(authenticatorName(undefined, "SECURITY_KEY"), "Security key");
});
