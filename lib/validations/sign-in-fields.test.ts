import { test } from "node:test";
import assert from "node:assert/strict";
import { checkSignInFields } from "@/lib/validations/sign-in-fields";
import { signInSchema } from "@/lib/validations/auth";

function form(email: string, password: string) {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  return data;
}

test("the browser's check refuses only what the server's schema refuses too, with the same words", () => {
  const cases: Array<[string, string]> = [
    ["", "x"],
    ["amy", "x"],
    ["amy@example", "x"],
    ["amy@example.com", ""],
    ["amy@example.com", "p".repeat(129)],
    ["  Amy@Example.com ", "secret"],
  ];
  for (const [email, password] of cases) {
    const browser = checkSignInFields(form(email, password));
    const server = signInSchema.safeParse({ email, password });
    if ("errors" in browser) {
      assert.equal(server.success, false, `${email}/${password.length}: the server must refuse what the browser refuses`);
      const serverErrors = server.success ? {} : (server.error.flatten().fieldErrors as Record<string, string[]>);
      for (const [field, messages] of Object.entries(browser.errors)) assert.deepEqual(messages, serverErrors[field]?.slice(0, 1));
    } else {
      assert.ok(server.success, `${email}: the server accepts what passes the browser's check here`);
      assert.deepEqual(browser.fields, server.data, "both normalise the email the same way");
    }
  }
});
