import { test } from "node:test";
import assert from "node:assert/strict";
import { deviceEligibility, noNewDeviceReason, type EligibilityInput } from "@/lib/devices/device-eligibility";
import { englishOf, translate } from "@/lib/i18n/text";

const base: EligibilityInput = {
  features: { isSmsOTPEnabled: true, isEmailOTPEnabled: true, isFidoPasskeyEnabled: true },
  limits: { maxDevicesPerUser: 10, maxDevicesPerType: 2 },
  existing: [],
};
const available = (input: EligibilityInput) => deviceEligibility(input).filter((e) => e.available).map((e) => e.type);

test("every type is offered to a user without devices", () => {
  assert.deepEqual(available(base), ["PLATFORM", "SECURITY_KEY", "MOBILE", "TOTP", "SMS", "VOICE", "EMAIL"]);
});

test("allowedDeviceTypes narrows the offer; FIDO2 means passkeys and security keys", () => {
  assert.deepEqual(available({ ...base, allowedDeviceTypes: ["SMS", "FIDO2"] }), ["PLATFORM", "SECURITY_KEY", "SMS"]);
});

test("feature flags switch types off", () => {
  const features = { isSmsOTPEnabled: false, isEmailOTPEnabled: false, isFidoPasskeyEnabled: false };
  assert.deepEqual(available({ ...base, features }), ["MOBILE", "TOTP"]);
});

test("a type at its per-type limit stays listed, unavailable, with the reason", () => {
  const result = deviceEligibility({ ...base, existing: ["SMS", "SMS"] });
  const sms = result.find((e) => e.type === "SMS");
  assert.equal(sms?.available, false);
  assert.match(englishOf(sms?.reason ?? ""), /most allowed/);
  assert.equal(translate("fr", { key: "devices.limits.typeLimit", values: { max: 2 } }), "Vous en avez déjà 2, le maximum autorisé.");
  assert.equal(result.find((e) => e.type === "VOICE")?.available, true);
});

test("at the per-user limit nothing can be added", () => {
  const result = deviceEligibility({ ...base, limits: { maxDevicesPerUser: 2, maxDevicesPerType: 5 }, existing: ["SMS", "TOTP"] });
  assert.equal(result.some((e) => e.available), false);
});

test("a browser without a platform authenticator cannot add a passkey but can add a security key", () => {
  const result = deviceEligibility({ ...base, browser: { webauthn: true, platformAuthenticator: false } });
  assert.equal(result.find((e) => e.type === "PLATFORM")?.available, false);
  assert.equal(result.find((e) => e.type === "SECURITY_KEY")?.available, true);
});

test("why no device can be added: the per-user limit by its number, otherwise every kind at its limit, and null while one can", () => {
  assert.equal(noNewDeviceReason(deviceEligibility(base), base.limits.maxDevicesPerUser), null);
  const full = { ...base, limits: { maxDevicesPerUser: 2, maxDevicesPerType: 3 }, existing: ["SMS", "EMAIL"] as const };
  assert.equal(englishOf(noNewDeviceReason(deviceEligibility(full), 2) ?? ""), "You have 2 devices, the most an account can have. Remove one you no longer use to add another.");
  const onlyEmail = { ...base, allowedDeviceTypes: ["EMAIL"] as const, limits: { maxDevicesPerUser: 10, maxDevicesPerType: 1 }, existing: ["EMAIL"] as const };
  assert.match(englishOf(noNewDeviceReason(deviceEligibility(onlyEmail), 10) ?? ""), /every kind on offer is already set up/);
});
