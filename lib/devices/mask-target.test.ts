import { test } from "node:test";
import assert from "node:assert/strict";
import { maskEmail, maskPhone, maskTarget } from "@/lib/devices/mask-target";

test("a phone shows its country code and last four digits in the portal", () => {
  assert.equal(maskPhone("+12025554567"), "+1 ••• ••• 4567");
  assert.equal(maskPhone("+447700900123"), "+44 ••• ••• 0123");
});

test("before the second factor a phone shows only its last two digits", () => {
  assert.equal(maskPhone("+12025554567", 2), "+1 ••• ••• •• 67");
});

test("an email shows its first letter and its domain, not the length of the name", () => {
  assert.equal(maskEmail("jane.doe@example.com"), "j•••@example.com");
  assert.equal(maskEmail("j@example.com"), "j•••@example.com");
  assert.equal(maskEmail("nonsense"), "•••");
});

test("only SMS, voice and email devices have a target to mask", () => {
  assert.equal(maskTarget("SMS", "+12025554567"), "+1 ••• ••• 4567");
  assert.equal(maskTarget("VOICE", "+12025554567", 2), "+1 ••• ••• •• 67");
  assert.equal(maskTarget("EMAIL", "amy@example.org"), "a•••@example.org");
  assert.equal(maskTarget("TOTP", "anything"), null);
  assert.equal(maskTarget("SMS", null), null);
});

test("the full number never appears in a masked phone", () => {
  const masked = maskPhone("+12025554567");
  assert.ok(!masked.includes("202555"));
});
