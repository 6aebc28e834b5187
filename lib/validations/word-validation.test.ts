import { test } from "node:test";
import assert from "node:assert/strict";
import { failure, invalid } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors/app-error";
import { signUpSchema } from "@/lib/validations/auth";
import { nicknameSchema } from "@/lib/validations/devices";
import { wordValidationMessage } from "@/lib/validations/word-validation";

test("a shared schema's check says English to the API and the reader's language on the pages", () => {
  const parsed = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
  assert.equal(parsed.success, false);
  const english = invalid(parsed.error!);
  assert.deepEqual(english.fieldErrors, { name: ["Enter your name."], email: ["Enter a valid email address, like name@example.com."], password: ["Use at least 12 characters."] });
  const french = invalid(parsed.error!, "fr");
  assert.equal(french.message, "Veuillez corriger les champs signalés.");
  assert.deepEqual(french.fieldErrors, { name: ["Saisissez votre nom."], email: ["Saisissez une adresse e-mail valide, comme nom@exemple.com."], password: ["Utilisez au moins 12 caractères."] });
  assert.equal(nicknameSchema.safeParse("").error!.issues[0]!.message, "Enter a name for the device.");
});

test("a flow's validation error (English strings in an AppError) is worded at the page's door", () => {
  const error = new AppError("VALIDATION", "Enter the code.", { otp: ["Enter the code."] });
  assert.deepEqual(failure(error, "fr"), { status: "error", message: "Saisissez le code.", fieldErrors: { otp: ["Saisissez le code."] } });
  assert.deepEqual(failure(error, "en"), { status: "error", message: "Enter the code.", fieldErrors: { otp: ["Enter the code."] } });
  assert.equal(wordValidationMessage("Words of its own.", "fr"), "Words of its own.");
});
