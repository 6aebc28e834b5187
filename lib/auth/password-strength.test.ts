import { test } from "node:test";
import assert from "node:assert/strict";
import { passwordWeakness as weaknessText } from "@/lib/auth/password-strength";
import { inEnglish } from "@/lib/i18n/text";

const passwordWeakness = (password: string, personal?: string[]) => {
  const weakness = weaknessText(password, personal);
  return weakness && inEnglish(weakness);
};
import { signUpSchema } from "@/lib/validations/auth";

test("common and breached passwords of allowed length are refused, saying why", () => {
  for (const password of ["password1234", "123456789012", "qwertyuiop123", "iloveyou1234", "1q2w3e4r5t6y"]) {
    assert.ok(signUpSchema.shape.password.safeParse(password).success, `${password} should pass the length rule`);
    assert.match(passwordWeakness(password) ?? "", /common and breached passwords/, password);
  }
});

test("guessable passwords and ones built from the person's own name or email are refused", () => {
  assert.match(passwordWeakness("aaaaaaaaaaaa") ?? "", /too easy to guess|common/);
  assert.match(passwordWeakness("niamhnewcomer1", ["niamh.newcomer@example.test", "Niamh Newcomer"]) ?? "", /your name or email/);
});

test("long, unpredictable passwords and passphrases are accepted", () => {
  for (const password of ["a-long-test-password", "correct-horse-battery", "tulip anchor violet 42", "Gx7#pQ2!vL9@wR4$"]) {
    assert.equal(passwordWeakness(password, ["someone@example.test", "Some One"]), null, password);
  }
});
