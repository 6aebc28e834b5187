import { test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish, translate } from "@/lib/i18n/text";
import { signInErrorCode, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { authErrorCode, authErrorMessage as authErrorText, withFixedAuthError, withFixedAuthErrors } from "@/lib/auth/auth-errors";

const authErrorMessage = (value: unknown) => inEnglish(authErrorText(value));

test("only fixed codes survive; any other text becomes Default", () => {
  assert.equal(authErrorCode("CredentialsSignin"), "CredentialsSignin");
  assert.equal(authErrorCode("SQLITE_BUSY: database is locked"), "Default");
  assert.equal(authErrorCode("constructor"), "Default");
  assert.equal(authErrorCode(["CredentialsSignin"]), "Default");
  assert.equal(authErrorMessage("<script>alert(1)</script>"), authErrorMessage("Default"));
});

test("an error URL's exception text is replaced by a fixed code, other parameters kept", () => {
  assert.equal(
    withFixedAuthError("http://localhost:3000/api/auth/error?error=Cannot%20read%20properties%20of%20undefined"),
    "http://localhost:3000/api/auth/error?error=Default",
  );
  assert.equal(withFixedAuthError("/sign-in?callbackUrl=%2Fdevices&error=boom"), "/sign-in?callbackUrl=%2Fdevices&error=Default");
  assert.equal(withFixedAuthError("/sign-in?error=CredentialsSignin&provider=password"), "/sign-in?error=CredentialsSignin&provider=password");
  assert.equal(withFixedAuthError("/account"), "/account");
});

test("a busy database leaves as the fixed code ServiceBusy, answered 503 with Retry-After, not as a wrong password", async () => {
  assert.equal(authErrorCode("ServiceBusy"), "ServiceBusy");
  assert.notEqual(authErrorMessage("ServiceBusy"), authErrorMessage("CredentialsSignin"));
  assert.match(authErrorMessage("ServiceBusy"), /try again/);
  const busy = await withFixedAuthErrors(Response.json({ url: "http://localhost:3000/api/auth/error?error=ServiceBusy" }, { status: 401 }));
  assert.equal(busy.status, 503);
  assert.equal(busy.headers.get("retry-after"), "2");
  assert.equal(((await busy.json()) as { url: string }).url, "http://localhost:3000/api/auth/error?error=ServiceBusy");
  const refused = await withFixedAuthErrors(Response.json({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin" }, { status: 401 }));
  assert.equal(refused.status, 401);
});

test("a sign-in refusal is a Text each language words its own way, waits included", () => {
  const wait = signInErrorMessage(signInErrorCode.accountWait(90));
  assert.equal(wait.kind, "wait");
  assert.equal(inEnglish(wait.message), "Too many failed sign-ins for this email. Wait 2 minutes, then try again.");
  assert.equal(translate("fr", wait.message), "Trop de connexions échouées pour cette adresse e-mail. Patientez 2 minutes, puis réessayez.");
  assert.equal(inEnglish(signInErrorMessage(signInErrorCode.addressWait(1)).message), "Too many failed sign-ins from your network. Wait 1 second, then try again.");
  assert.equal(inEnglish(signInErrorMessage(signInErrorCode.accountWait(3600 * 2)).message), "Too many failed sign-ins for this email. Wait 2 hours, then try again.");
  assert.match(translate("fr", authErrorText("CredentialsSignin")), /^La connexion a échoué/);
  assert.equal(inEnglish(signInErrorMessage("nonsense").message), "That email and password do not match an account. Check them and try again.");
});
