import { test } from "node:test";
import assert from "node:assert/strict";
import { failure, localizedError } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors/app-error";
import { englishOf, isText, messageIn, text, translate, wordMessages } from "@/lib/i18n/text";

test("a Text is worded in each language, and a plain string stays as it is", () => {
  const wrong = text("errors.code.invalidAttemptsLeft", { left: 2 });
  assert.equal(translate("en", wrong), "That code is not right. 2 attempts left.");
  assert.equal(translate("fr", wrong), "Ce code n'est pas le bon. 2 essais restants.");
  assert.equal(englishOf("Already words."), "Already words.");
  assert.equal(messageIn(42), undefined);
  assert.deepEqual(messageIn(wrong), wrong);
});

test("a flow's view is worded however deep its Texts lie, and data that only looks like one is left alone", () => {
  const view = {
    section: "AUTHENTICATE_WITH_OTP",
    data: { notice: text("errors.code.expired"), devices: [{ id: "d1", alert: text("errors.code.replayed") }], key: "k", other: { key: "Not.a key!" } },
  };
  const worded = wordMessages(view, "fr");
  assert.equal(worded.data.notice as unknown, "Ce code a expiré ou a été remplacé par un plus récent. Demandez un nouveau code.");
  assert.match(worded.data.devices[0]!.alert as unknown as string, /déjà été utilisé/);
  assert.equal(worded.data.key, "k");
  assert.deepEqual(worded.data.other, { key: "Not.a key!" });
  assert.ok(!isText({ key: "errors.code.expired", id: "x" }));
});

test("an AppError given a Text says it in English to the API and logs, and in the reader's language to the pages", () => {
  const error = AppError.onField("otp", text("errors.code.invalid"));
  assert.equal(error.message, "That code is not right. Check it and try again.");
  assert.deepEqual(error.fieldErrors, { otp: ["That code is not right. Check it and try again."] });
  const french = localizedError(error, "fr");
  assert.equal(french.message, "Ce code n'est pas le bon. Vérifiez-le et réessayez.");
  assert.deepEqual(french.fieldErrors, { otp: ["Ce code n'est pas le bon. Vérifiez-le et réessayez."] });
  assert.equal(failure(new AppError("CONFLICT", "Plain words."), "fr").message, "Plain words.");
  assert.match(failure(new Error("boom"), "fr").message!, /Un problème est survenu/);
});
