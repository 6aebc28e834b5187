import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { wordValidationMessage } from "@/lib/validations/word-validation";
import { auditLabel, auditLabelIn, AUDIT_ACTIONS } from "@/lib/audit/audit-labels";
import { policyFromEnvironment } from "@/lib/policy/device-policy";
import { devicePolicySchema } from "@/lib/policy/policy-document";
import { policyFieldErrors } from "@/lib/policy/policy-messages";
import { lockUntilSchema, userSearchSchema } from "@/lib/validations/admin-users";
import { createApplicationSchema, widgetOriginFormSchema } from "@/lib/validations/applications";
import { auditFiltersSchema, firstFilterError } from "@/lib/validations/audit";
import { brandingFormSchema } from "@/lib/validations/branding";

const firstMessage = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues[0]?.message ?? "";

test("the console's form checks are found in its catalogue and worded in French", () => {
  const refusals = [
    firstMessage(userSearchSchema.safeParse({ q: "x".repeat(101) })),
    firstMessage(userSearchSchema.safeParse({ sort: "age" })),
    firstMessage(lockUntilSchema().safeParse("2000-01-01T00:00")),
    firstMessage(lockUntilSchema().safeParse("")),
    firstMessage(createApplicationSchema.safeParse({ name: "", rateLimitPerMinute: "" })),
    firstMessage(createApplicationSchema.safeParse({ name: "Shop", rateLimitPerMinute: "0" })),
    firstMessage(widgetOriginFormSchema.safeParse({ origin: "http://shop.example.com" })),
    firstMessage(widgetOriginFormSchema.safeParse({ origin: "https://shop.example.com/path" })),
    firstFilterError(auditFiltersSchema.safeParse({ action: "nope" }).error!),
    firstFilterError(auditFiltersSchema.safeParse({ from: "2026-02-30" }).error!),
    firstFilterError(auditFiltersSchema.safeParse({ from: "2026-02-03", to: "2026-02-01" }).error!),
    firstMessage(brandingFormSchema.safeParse({ companyName: "", logoUrl: "/logo.svg", logoStyle: "", accentColour: "#4f46e5" })),
  ];
  for (const english of refusals) {
    assert.ok(english.length > 0);
    assert.equal(wordValidationMessage(english, "en"), english);
    assert.notEqual(wordValidationMessage(english, "fr"), english, `no French for “${english}”`);
  }
  // A message the console does not know stays as it is.
  assert.equal(wordValidationMessage("Something else.", "fr"), "Something else.");
});

test("the policy's refusals read in English exactly as the schema writes them, and in French", () => {
  const base = policyFromEnvironment();
  for (const changes of [{ passcodeLength: 11 }, { passcodeLifetimeMinutes: 0 }, { lockoutThreshold: 2.5 }, { maxResends: undefined }, { allowedDeviceTypes: [] }]) {
    const parsed = devicePolicySchema.safeParse({ ...base, ...changes });
    assert.ok(!parsed.success);
    assert.deepEqual(policyFieldErrors(parsed.error, "en"), z.flattenError(parsed.error).fieldErrors);
    assert.notDeepEqual(policyFieldErrors(parsed.error, "fr"), z.flattenError(parsed.error).fieldErrors);
  }
  const tooLong = devicePolicySchema.safeParse({ ...base, passcodeLength: 11 });
  assert.deepEqual(policyFieldErrors(tooLong.error!, "fr"), { passcodeLength: ["Longueur du code\u00a0: au plus 10 chiffres."] });
});

test("every audit action has a label in each language; English keeps its words", () => {
  assert.equal(auditLabel("device.locked_by_admin"), "Device locked by an administrator");
  assert.equal(auditLabelIn("fr", "device.locked_by_admin"), "Appareil verrouillé par un administrateur");
  assert.equal(auditLabelIn("fr", "retired.action"), "retired.action");
  for (const action of AUDIT_ACTIONS) {
    assert.ok(auditLabelIn("en", action).length > 0 && !auditLabelIn("en", action).startsWith("audit."), action);
    assert.ok(auditLabelIn("fr", action).length > 0 && !auditLabelIn("fr", action).startsWith("audit."), action);
  }
});
