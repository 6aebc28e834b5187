import { test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish } from "@/lib/i18n/text";
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
